package io.tipoff.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Raw connections to a server on this machine that send a request's head and then stall, as a crowd of slow or
 * hostile clients does; closed together. Each waits 5 s at most for an answer: far longer than an answer takes, shorter
 * than the api's read timeout.
 */
public final class StalledConnections implements AutoCloseable {

    private static final int SOCKET_TIMEOUT_MS = 5_000;

    private final int port;
    private final List<Socket> sockets = new ArrayList<>();

    public StalledConnections(int port) {
        this.port = port;
    }

    /** Opens a connection to 127.0.0.1 and sends {@code head}, and nothing more. */
    public Socket open(String head) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        sockets.add(socket);
        socket.setSoTimeout(SOCKET_TIMEOUT_MS);
        socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    /** Headers of a {@code POST /api/v1/jobs} that promise a body of {@code contentLength} bytes, and {@code sent}. */
    public static String post(String extraHeaders, long contentLength, String sent) {
        return "POST /api/v1/jobs HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" + extraHeaders
                + "Content-Length: " + contentLength + "\r\n\r\n" + sent;
    }

    /** A request head cut off inside its headers. */
    public static String cutHead() {
        return "POST /api/v1/jobs HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Le";
    }

    /** Everything the server sends until it closes the connection; fails if it keeps it open. */
    public static String answerAndClose(Socket socket) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                answer.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the connection was left open after: " + answer, e);
        }
        return answer.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
