package io.tributary.testkit.cql;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The TCP sockets a Linux process listens on, read from /proc (its socket inodes matched against net/tcp{,6}). */
final class ListeningSockets {

    private static final String LISTEN = "0A";

    private ListeningSockets() {
    }

    static boolean supported(long pid) {
        return Files.isDirectory(Paths.get("/proc", Long.toString(pid), "fd"));
    }

    static List<InetSocketAddress> of(long pid) throws IOException {
        Path proc = Paths.get("/proc", Long.toString(pid));
        Set<String> inodes = socketInodes(proc.resolve("fd"));
        List<InetSocketAddress> listening = new ArrayList<>();
        for (String table : List.of("tcp", "tcp6")) {
            Path file = proc.resolve("net").resolve(table);
            if (!Files.exists(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            // After a header line: sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode ...
            for (String line : lines.subList(1, lines.size())) {
                String[] column = line.trim().split("\\s+");
                if (LISTEN.equals(column[3]) && inodes.contains(column[9])) {
                    listening.add(decode(column[1]));
                }
            }
        }
        return listening;
    }

    private static Set<String> socketInodes(Path fdDir) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(fdDir)) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    String target = Files.readSymbolicLink(fd).toString(); // "socket:[12345]"
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor went away while we listed them
                }
            }
        }
        return inodes;
    }

    /**
     * "0100007F:4A4A": the address is printed as 32-bit words in the kernel's byte order, the port as a plain number.
     * An IPv4-mapped IPv6 address (a Java dual-stack socket bound to 127.0.0.1) decodes to an Inet4Address.
     */
    private static InetSocketAddress decode(String hexAddressAndPort) throws IOException {
        String[] parts = hexAddressAndPort.split(":");
        String hex = parts[0];
        ByteBuffer bytes = ByteBuffer.allocate(hex.length() / 2);
        for (int i = 0; i < hex.length(); i += 8) {
            int word = (int) Long.parseLong(hex.substring(i, i + 8), 16);
            bytes.put(ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(word).array());
        }
        return new InetSocketAddress(InetAddress.getByAddress(bytes.array()), Integer.parseInt(parts[1], 16));
    }
}
