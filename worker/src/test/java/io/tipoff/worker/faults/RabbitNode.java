package io.tipoff.worker.faults;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.tipoff.testing.Waits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A RabbitMQ node of the suite's own: its own node name, ports, Erlang cookie, data and logs under the suite's
 * directory, no plugins and none of the machine's configuration, so that stopping it or closing its connections
 * never touches the machine's broker. Run as the current user with the server's own scripts
 * ({@code /usr/lib/rabbitmq/bin}), not the Debian wrappers that switch to the {@code rabbitmq} user.
 */
final class RabbitNode {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path dir;
    private final Path bin;
    private final String node;
    private final int port;
    private final Map<String, String> environment = new HashMap<>();
    private boolean running;

    private RabbitNode(Path dir) throws IOException {
        this.dir = dir;
        // The server's own scripts (Debian's /usr/sbin wrappers switch to the rabbitmq user and lose the environment).
        this.bin = Command.firstExisting(
                Path.of(System.getProperty("faults.rabbitmq.bin", "/usr/lib/rabbitmq/bin"), "rabbitmq-server"))
                .getParent();
        this.port = Ports.freePair();
        this.node = "tipoff-faults-" + port + "@localhost";
        Path home = Files.createDirectories(dir.resolve("home"));
        Path cookie = home.resolve(".erlang.cookie");
        Files.writeString(cookie, UUID.randomUUID().toString().replace("-", "").toUpperCase());
        Files.setPosixFilePermissions(cookie, PosixFilePermissions.fromString("r--------"));
        Path plugins = dir.resolve("enabled_plugins");
        Files.writeString(plugins, "[].\n");
        Path config = dir.resolve("rabbitmq.conf");
        // The port comes from RABBITMQ_NODE_PORT; the file only stands in for the machine's /etc/rabbitmq one.
        Files.writeString(config, "# the tipoff fault-injection suite's node\n");
        Path envFile = dir.resolve("rabbitmq-env.conf");
        Files.writeString(envFile, "");
        // The CLI tools and the node must share the cookie: both find it in HOME.
        environment.put("HOME", home.toString());
        environment.put("RABBITMQ_NODENAME", node);
        environment.put("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1");
        environment.put("RABBITMQ_NODE_PORT", Integer.toString(port));
        environment.put("RABBITMQ_DIST_PORT", Integer.toString(port + 1));
        environment.put("RABBITMQ_MNESIA_BASE", dir.resolve("mnesia").toString());
        environment.put("RABBITMQ_LOG_BASE", dir.resolve("log").toString());
        environment.put("RABBITMQ_PID_FILE", pidFile().toString());
        environment.put("RABBITMQ_ENABLED_PLUGINS_FILE", plugins.toString());
        environment.put("RABBITMQ_CONFIG_FILE", config.toString());
        environment.put("RABBITMQ_CONF_ENV_FILE", envFile.toString());
        environment.put("RABBITMQ_ADVANCED_CONFIG_FILE", dir.resolve("advanced.config").toString());
    }

    static RabbitNode start(Path dir) {
        try {
            RabbitNode node = new RabbitNode(Files.createDirectories(dir));
            node.start();
            return node;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    int port() {
        return port;
    }

    private Path pidFile() {
        return dir.resolve("rabbitmq.pid");
    }

    synchronized void start() {
        if (running) {
            return;
        }
        List<String> server = List.of(bin.resolve("rabbitmq-server").toString(), "-detached");
        Command.run(server, environment).orThrow(server);
        running = true;
        ctl("wait", pidFile().toString(), "--timeout", "240");
    }

    /** A clean stop: the node closes its connections, and the call returns once the node's process is gone. */
    synchronized void stop() {
        if (running) {
            ctl("stop", pidFile().toString());
            running = false;
        }
    }

    /**
     * A crash: {@code kill -9} of the node's Erlang VM, no shutdown at all. Quorum queues keep what they confirmed on
     * disk, so a restart finds every message that was confirmed to a publisher and not yet acknowledged.
     */
    synchronized void crash() {
        if (!running) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile()).trim());
            ProcessHandle node = ProcessHandle.of(pid).orElseThrow();
            node.destroyForcibly();
            node.onExit().get();
            Files.delete(pidFile());
            running = false;
        } catch (IOException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("could not kill the RabbitMQ node: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code rabbitmqctl} against this node; a CLI call that fails is tried again a few times. */
    String ctl(String... arguments) {
        List<String> command = new ArrayList<>(List.of(bin.resolve("rabbitmqctl").toString(), "-n", node, "-q"));
        command.addAll(List.of(arguments));
        Command.Result result = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            result = Command.run(command, environment, Duration.ofMinutes(5));
            if (result.exitCode() == 0) {
                return result.output();
            }
            Waits.sleep(Duration.ofSeconds(1));
        }
        return result.orThrow(command).output();
    }

    /** The broker's ids of the connections whose name starts with this (a process's connections). */
    List<String> connections(String namePrefix) {
        List<String> pids = new ArrayList<>();
        // One line per connection: its pid (<node.n.n.n>, the form close_connection takes), a tab, its properties.
        for (String line : ctl("list_connections", "--no-table-headers", "pid", "client_properties").split("\n")) {
            if (line.contains("\"" + namePrefix)) {
                pids.add(line.substring(0, line.indexOf('\t')).trim());
            }
        }
        return pids;
    }

    /** Closes connections from the broker's side, as an operator (or a broker that drops a client) would. */
    void closeConnections(List<String> pids, String reason) {
        for (String pid : pids) {
            ctl("close_connection", pid, reason);
        }
    }

    /** A queue's messages: ready for a consumer, and delivered but not yet acknowledged. */
    record QueueState(String name, long ready, long unacknowledged, long consumers) {

        long total() {
            return ready + unacknowledged;
        }
    }

    Map<String, QueueState> queues(String prefix) {
        Map<String, QueueState> queues = new HashMap<>();
        for (JsonNode queue : JSON.readTree(ctl("list_queues", "name", "messages_ready", "messages_unacknowledged",
                "consumers", "--formatter", "json"))) {
            String name = queue.get("name").asString();
            if (name.startsWith(prefix + ".")) {
                queues.put(name, new QueueState(name, queue.get("messages_ready").asLong(),
                        queue.get("messages_unacknowledged").asLong(), queue.get("consumers").asLong()));
            }
        }
        return queues;
    }

    @FunctionalInterface
    interface ChannelWork<T> {
        T apply(Channel channel) throws Exception;
    }

    /** Runs {@code work} on a channel of a connection of its own (a test's, not a worker's). */
    <T> T withChannel(ChannelWork<T> work) {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(port);
        try (Connection connection = factory.newConnection("tipoff-faults test");
             Channel channel = connection.createChannel()) {
            return work.apply(channel);
        } catch (Exception e) {
            throw new IllegalStateException("private RabbitMQ on port " + port + ": " + e, e);
        }
    }

    /** Consumers of a queue, from a passive declare (far cheaper than the CLI). */
    long consumers(String queue) {
        return withChannel(channel -> (long) channel.queueDeclarePassive(queue).getConsumerCount());
    }

    /** Messages ready in a queue (not those delivered and unacknowledged), from a passive declare. */
    long ready(String queue) {
        return withChannel(channel -> (long) channel.queueDeclarePassive(queue).getMessageCount());
    }

    void publish(String exchange, String routingKey, String contentType, String body) {
        withChannel(channel -> {
            channel.confirmSelect();
            channel.basicPublish(exchange, routingKey, true, new com.rabbitmq.client.AMQP.BasicProperties.Builder()
                    .contentType(contentType).deliveryMode(2).build(), body.getBytes(StandardCharsets.UTF_8));
            channel.waitForConfirmsOrDie(10_000);
            return null;
        });
    }
}
