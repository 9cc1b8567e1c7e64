package io.tipoff.worker.faults;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free TCP ports for the suite's services, below Linux's ephemeral range (32768 and up), where an outgoing
 * connection of some other program could take a port between our check and the service's bind.
 */
final class Ports {

    private Ports() {
    }

    /** A free port whose next port is free too (RabbitMQ takes the one and Erlang distribution the other). */
    static int freePair() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20_000, 32_000);
            if (isFree(port) && isFree(port + 1)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port pair between 20000 and 32000");
    }

    static int free() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20_000, 32_000);
            if (isFree(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port between 20000 and 32000");
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
