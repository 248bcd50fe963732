package io.tributary.testkit.cql;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;

import org.apache.cassandra.service.CassandraDaemon;
import org.apache.cassandra.service.StorageService;

/**
 * Runs a single-node Cassandra 5 CQL server bound to 127.0.0.1 only, for tests; started in a child JVM by the test kit.
 *
 * <p>Arguments: {@code <data dir> <native (CQL) port> <storage (internode) port>}. Everything the server writes
 * (its cassandra.yaml, logback.xml, data, commit log, hints, caches) goes under the data dir. Once the native transport
 * accepts connections it prints exactly one line {@code CQL-SERVER READY port=<native port>}; logs go to stdout.
 */
public final class CqlServerMain {

    private static final String HOST = "127.0.0.1";

    private CqlServerMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: CqlServerMain <data dir> <native port> <storage port>");
            System.exit(2);
        }
        Path dataDir = Paths.get(args[0]).toAbsolutePath();
        int nativePort = Integer.parseInt(args[1]);
        int storagePort = Integer.parseInt(args[2]);
        Files.createDirectories(dataDir);

        Path yaml = Files.writeString(dataDir.resolve("cassandra.yaml"), yaml(dataDir, nativePort, storagePort));
        Path logback = Files.writeString(dataDir.resolve("logback.xml"), LOGBACK);

        // Set before any Cassandra or logback class initialises: both read these once, statically.
        System.setProperty("logback.configurationFile", logback.toString());
        System.setProperty("cassandra.config", yaml.toUri().toString());
        // Without it, CassandraDaemon.activate() closes System.out and our ready line would never reach the parent.
        System.setProperty("cassandra-foreground", "yes");
        // Fast start for a throw-away single node: no gossip settling, no ring delay, no fsync of system tables.
        System.setProperty("cassandra.skip_wait_for_gossip_to_settle", "0");
        System.setProperty("cassandra.ring_delay_ms", "100");
        System.setProperty("cassandra.superuser_setup_delay_ms", "0");
        System.setProperty("cassandra.unsafesystem", "true");
        System.setProperty("cassandra.initial_token", "0");
        System.setProperty("cassandra.auto_bootstrap", "false");
        // Skips measuring the memtable row overhead (100,000 sample rows, seconds on a small machine) at first use.
        System.setProperty("cassandra.memtable.row_overhead_size", "200");
        // JMX stays off because neither cassandra.jmx.local.port nor cassandra.jmx.remote.port is set: no JMX listener.

        exitWhenParentGoes();
        CassandraDaemon.main(new String[0]); // returns once started; on failure it logs and calls System.exit
        // A test server's data is thrown away: skip the drain (flushing every memtable, ~5 s) when we are stopped.
        // Nothing is lost by it: a later start on the same data dir replays the commit log.
        StorageService.instance.removeShutdownHook();
        awaitNativeTransport(nativePort, Duration.ofSeconds(60));
        System.out.println("CQL-SERVER READY port=" + nativePort);
        System.out.flush();
    }

    /**
     * The parent holds our stdin open and never writes to it, so end-of-file means the parent died without stopping us
     * (e.g. it was killed): exit instead of lingering as an orphan that holds ports and memory.
     */
    private static void exitWhenParentGoes() {
        Thread watchdog = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() >= 0) {
                    // ignore anything written
                }
            } catch (IOException e) {
                // treat as end-of-file
            }
            Runtime.getRuntime().halt(0);
        }, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /** activate() starts the native transport synchronously, but a connect is the proof a client needs. */
    private static void awaitNativeTransport(int port, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(HOST, port), 1000);
                return;
            } catch (IOException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    System.err.println("Native transport did not accept connections on " + HOST + ":" + port
                            + " within " + timeout);
                    System.exit(1);
                }
                Thread.sleep(50);
            }
        }
    }

    private static String yaml(Path dataDir, int nativePort, int storagePort) {
        return String.join("\n",
                "cluster_name: tributary-test",
                // A single token and SimpleSnitch (datacenter1 / rack1): the smallest ring a driver accepts.
                "num_tokens: 1",
                "partitioner: org.apache.cassandra.dht.Murmur3Partitioner",
                "endpoint_snitch: SimpleSnitch",
                // Every listener on loopback: internode messaging on listen_address, CQL on rpc_address.
                "listen_address: " + HOST,
                "rpc_address: " + HOST,
                "storage_port: " + storagePort,
                "native_transport_port: " + nativePort,
                "start_native_transport: true",
                "seed_provider:",
                "  - class_name: org.apache.cassandra.locator.SimpleSeedProvider",
                "    parameters:",
                "      - seeds: \"" + HOST + ":" + storagePort + "\"",
                "data_file_directories:",
                "  - " + quoted(dataDir.resolve("data")),
                "commitlog_directory: " + quoted(dataDir.resolve("commitlog")),
                "saved_caches_directory: " + quoted(dataDir.resolve("saved_caches")),
                "hints_directory: " + quoted(dataDir.resolve("hints")),
                "cdc_raw_directory: " + quoted(dataDir.resolve("cdc_raw")),
                "commitlog_sync: periodic",
                "commitlog_sync_period: 10000ms",
                // Cassandra 5 defaults to 4.x-compatible storage; a fresh node can use the 5.0 formats directly.
                "storage_compatibility_mode: NONE",
                // Tests create and drop many tables: don't snapshot each dropped or truncated one.
                "auto_snapshot: false",
                "");
    }

    private static String quoted(Path path) {
        return "'" + path.toString().replace("'", "''") + "'";
    }

    private static final String LOGBACK = String.join("\n",
            "<configuration>",
            "  <appender name=\"STDOUT\" class=\"ch.qos.logback.core.ConsoleAppender\">",
            "    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{0} - %msg%n</pattern></encoder>",
            "  </appender>",
            "  <root level=\"INFO\"><appender-ref ref=\"STDOUT\"/></root>",
            "</configuration>",
            "");
}
