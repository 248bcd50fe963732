package org.apache.kafka.common.test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.server.ServerSocketFactory;

/**
 * The test kit's replacement for the Kafka 4.3.1 test-harness class of the same name, binding every broker and
 * controller socket to the loopback address.
 *
 * <p>Kafka's {@code KafkaClusterTestKit} (behind {@code EmbeddedConnectCluster}) pre-binds one server socket per node
 * and listener so that it knows the ports before the servers start. Kafka's own version binds them to the wildcard
 * address, which would expose test brokers on every interface; there is no setting to change that. This class has the
 * same public surface and sits earlier on the test classpath than {@code kafka-test-common-runtime} (the test kit jar
 * comes before its own dependencies), so the harness uses it. {@code ConnectCluster} checks that it did.
 */
public class PreboundSocketFactoryManager implements AutoCloseable {

    /** Lets the test kit verify that this class, not Kafka's, is the one loaded. */
    public static final boolean LOOPBACK_ONLY = true;

    private final Map<Integer, Map<String, ServerSocketChannel>> prebound = new HashMap<>();
    private final Map<Integer, Set<String>> inUse = new HashMap<>();
    private final Map<Integer, ServerSocketFactory> factories = new HashMap<>();
    private boolean closed;

    /** The socket pre-bound for this node and listener, now owned by the server that asked; null if there is none. */
    public synchronized ServerSocketChannel getSocketForListenerAndMarkAsUsed(int nodeId, String listener) {
        ServerSocketChannel channel = prebound.getOrDefault(nodeId, Map.of()).get(listener);
        if (channel != null) {
            inUse.computeIfAbsent(nodeId, id -> new HashSet<>()).add(listener);
        }
        return channel;
    }

    /** The factory a node's socket server opens its listeners with. */
    public synchronized ServerSocketFactory getOrCreateSocketFactory(int nodeId) {
        return factories.computeIfAbsent(nodeId, id -> (listener, address, backlog, receiveBuffer) ->
                open(id, listener, address, backlog, receiveBuffer));
    }

    /** The port of the socket pre-bound (on loopback) for this node and listener, binding one if needed. */
    public synchronized int getOrCreatePortForListener(int nodeId, String listener) throws IOException {
        Map<String, ServerSocketChannel> sockets = prebound.computeIfAbsent(nodeId, id -> new HashMap<>());
        ServerSocketChannel channel = sockets.get(listener);
        if (channel == null) {
            if (closed) {
                throw new IllegalStateException("Cannot bind a new socket: the socket manager is closed");
            }
            channel = ServerSocketFactory.INSTANCE.openServerSocket(listener, loopback(0), -1, -1);
            sockets.put(listener, channel);
        }
        return ((InetSocketAddress) channel.getLocalAddress()).getPort();
    }

    private ServerSocketChannel open(int nodeId, String listener, InetSocketAddress requested, int backlog,
                                     int receiveBuffer) throws IOException {
        ServerSocketChannel channel = getSocketForListenerAndMarkAsUsed(nodeId, listener);
        if (channel != null && channel.isOpen()) {
            return channel;
        }
        // A restarted node binds again to the port it had, so that clients find it where it was.
        int port = channel != null ? channel.socket().getLocalPort() : requested.getPort();
        return ServerSocketFactory.INSTANCE.openServerSocket(listener, loopback(port), backlog, receiveBuffer);
    }

    private static InetSocketAddress loopback(int port) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // Sockets handed to a server are closed by that server; close only the ones nobody took.
        prebound.forEach((nodeId, sockets) -> sockets.forEach((listener, channel) -> {
            if (!inUse.getOrDefault(nodeId, Set.of()).contains(listener)) {
                try {
                    channel.close();
                } catch (IOException e) {
                    // closing an unused socket at shutdown: nothing to do
                }
            }
        }));
    }
}
