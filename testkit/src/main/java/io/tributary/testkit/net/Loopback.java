package io.tributary.testkit.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Loopback addresses and free ports for servers that tests start: nothing a test starts listens elsewhere. */
public final class Loopback {

    public static final String HOST = "127.0.0.1";

    private Loopback() {
    }

    public static InetAddress address() {
        return InetAddress.getLoopbackAddress();
    }

    /**
     * A port that is free on 127.0.0.1 now. A child process binds it a moment later; the small race is acceptable
     * for servers that cannot report the port they chose themselves.
     */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on loopback", e);
        }
    }
}
