package io.tributary.testkit.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Collections;
import java.util.List;

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

    /** The addresses of this machine that are not loopback, to prove a server cannot be reached through them. */
    public static List<InetAddress> nonLoopbackAddresses() {
        try {
            return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                    .filter(Loopback::isUp)
                    .flatMap(nic -> Collections.list(nic.getInetAddresses()).stream())
                    .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress() && !a.isAnyLocalAddress())
                    .toList();
        } catch (SocketException e) {
            return List.of();
        }
    }

    /** Whether a TCP connection to {@code address:port} is accepted within a second. */
    public static boolean accepts(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 1000);
            return true;
        } catch (IOException refusedOrUnreachable) {
            return false;
        }
    }

    private static boolean isUp(NetworkInterface nic) {
        try {
            return nic.isUp() && !nic.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }
}
