package org.safereg.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.TimeUnit;

/** Ports on this machine for the servers tests start and stop themselves (never another address). */
public final class LocalPorts {

    private LocalPorts() {}

    /** A port nothing listens on now. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether something on 127.0.0.1 accepts connections on {@code port}. */
    public static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Waits up to 30 s until {@code port} is listening (or no longer listening).
     *
     * @param what the server, for the message when it does not come (or go)
     */
    public static void await(int port, boolean listening, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (listening(port) == listening) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException(what + " on port " + port + " did not " + (listening ? "start" : "stop"));
    }
}
