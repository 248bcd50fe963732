package io.tributary.testkit.cql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.tributary.testkit.Directories;
import io.tributary.testkit.net.Loopback;
import io.tributary.testkit.process.ForkedJvm;

/**
 * A real single-node CQL server (Cassandra 5.0, standing in for ScyllaDB) in a child JVM, listening on 127.0.0.1 only.
 *
 * <p>Start it once per test class or module (≈ 6 s, ≈ 700 MB); connect with {@link #contactPoint()} and
 * {@link #localDatacenter()}. The child needs a Java 17 runtime: the test JVM's by default, or the JDK named by the
 * system property {@value #JAVA_HOME_PROPERTY}. {@link #close()} stops it and deletes its data.
 */
public final class CqlServer implements AutoCloseable {

    /** System property naming a JDK 17 home for the server when the tests themselves run on another Java version. */
    public static final String JAVA_HOME_PROPERTY = "tributary.cql.java.home";

    private static final String RESOURCE_DIR = "io/tributary/testkit/cql";
    private static final String MAIN_CLASS = "io.tributary.testkit.cql.CqlServerMain";
    private static final Pattern READY_LINE = Pattern.compile("CQL-SERVER READY port=(\\d+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final int START_ATTEMPTS = 3;
    private static final int REQUIRED_JAVA = 17;

    /** The single datacenter of SimpleSnitch, which the server's configuration uses. */
    private static final String DATACENTER = "datacenter1";

    /** Cassandra 5.0's conf/jvm17-server.options (module access it needs), plus a small, fast-starting heap. */
    private static final List<String> JVM_FLAGS = List.of(
            "-Djdk.attach.allowAttachSelf=true",
            "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "--add-exports", "java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED",
            "--add-exports", "java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports", "java.rmi/sun.rmi.server=ALL-UNNAMED",
            "--add-exports", "java.sql/java.sql=ALL-UNNAMED",
            "--add-exports", "java.base/java.lang.ref=ALL-UNNAMED",
            "--add-exports", "jdk.unsupported/sun.misc=ALL-UNNAMED",
            "--add-exports", "jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
            "--add-exports", "jdk.attach/sun.tools.attach=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang.module=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.loader=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.reflect=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.math=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.module=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.util.jar=ALL-UNNAMED",
            "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
            "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens", "java.base/java.io=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens", "jdk.compiler/com.sun.tools.javac=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "--add-opens", "java.base/java.util=ALL-UNNAMED",
            "-Dio.netty.tryReflectionSetAccessible=true",
            "-Xmx512m",
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-XX:+ExitOnOutOfMemoryError",
            "-XX:+PerfDisableSharedMem"); // no /tmp/hsperfdata_* file left behind if the child is killed

    private final ForkedJvm jvm;
    private final int port;
    private final Path dataDir;
    private final Path ownedWorkDir;
    private boolean closed;

    private CqlServer(ForkedJvm jvm, int port, Path dataDir, Path ownedWorkDir) {
        this.jvm = jvm;
        this.port = port;
        this.dataDir = dataDir;
        this.ownedWorkDir = ownedWorkDir;
    }

    /** Starts a server in a fresh temporary directory, deleted entirely on {@link #close()}. */
    public static CqlServer start() {
        Path workDir;
        try {
            workDir = Files.createTempDirectory("tributary-cql-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a work directory for the CQL server", e);
        }
        try {
            return start(workDir, true);
        } catch (RuntimeException e) {
            Directories.deleteRecursively(workDir);
            throw e;
        }
    }

    /**
     * Starts a server that keeps its log ({@code server.log}) in {@code workDir} and its data in
     * {@code workDir/cassandra}; {@link #close()} deletes the data and leaves the log.
     */
    public static CqlServer start(Path workDir) {
        return start(workDir.toAbsolutePath(), false);
    }

    private static CqlServer start(Path workDir, boolean ownsWorkDir) {
        Path javaHome = java17Home();
        Path dataDir = workDir.resolve("cassandra");
        for (int attempt = 1; ; attempt++) {
            int nativePort = Loopback.freePort();
            int storagePort = Loopback.freePort();
            Directories.deleteRecursively(dataDir);
            List<String> jvmArgs = new ArrayList<>(JVM_FLAGS);
            // Native libraries (JNA, lz4, netty) unpack here, so they go away with the data instead of piling up.
            Path tmp = dataDir.resolve("tmp");
            jvmArgs.add("-Djava.io.tmpdir=" + tmp);
            jvmArgs.add("-Djna.tmpdir=" + tmp);
            try {
                Files.createDirectories(tmp);
                ForkedJvm jvm = ForkedJvm.builder("cql-server", RESOURCE_DIR)
                        .mainClass(MAIN_CLASS)
                        .javaHome(javaHome)
                        .jvmArgs(jvmArgs)
                        .args(List.of(dataDir.toString(), Integer.toString(nativePort), Integer.toString(storagePort)))
                        .readyLine(READY_LINE)
                        .startTimeout(START_TIMEOUT)
                        .workDir(workDir)
                        .start();
                int port = Integer.parseInt(jvm.readyLine().group(1));
                return new CqlServer(jvm, port, dataDir, ownsWorkDir ? workDir : null);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot prepare " + dataDir, e);
            } catch (IllegalStateException e) {
                // Loopback.freePort() leaves a small window in which another process can take a port.
                if (attempt == START_ATTEMPTS || !lostPortRace(e)) {
                    Directories.deleteRecursively(dataDir);
                    throw e;
                }
            }
        }
    }

    private static boolean lostPortRace(IllegalStateException e) {
        String message = String.valueOf(e.getMessage());
        // Cassandra's words for a taken storage port, a taken native port, and the JDK's own.
        return message.contains("in use by another process") || message.contains("Failed to bind port")
                || message.contains("Address already in use");
    }

    /** The JDK that runs the server: Cassandra 5.0 runs on Java 17 (and 11), not on 21 or later. */
    static Path java17Home() {
        String override = System.getProperty(JAVA_HOME_PROPERTY, "").trim();
        Path home = Paths.get(override.isEmpty() ? System.getProperty("java.home") : override).toAbsolutePath();
        int version = featureVersion(home);
        if (version != REQUIRED_JAVA) {
            throw new IllegalStateException("The CQL test server (Cassandra 5.0) needs Java " + REQUIRED_JAVA
                    + ", but " + home + " is Java " + version + ". Run the tests on a JDK " + REQUIRED_JAVA
                    + " or point -D" + JAVA_HOME_PROPERTY + " at one.");
        }
        return home;
    }

    private static int featureVersion(Path home) {
        if (home.equals(Paths.get(System.getProperty("java.home")).toAbsolutePath())) {
            return Runtime.version().feature();
        }
        if (!Files.isExecutable(home.resolve("bin").resolve("java"))) {
            throw new IllegalStateException(JAVA_HOME_PROPERTY + "=" + home + " is not a JDK: it has no bin/java");
        }
        // Every JDK since 9 describes itself in <home>/release, e.g. JAVA_VERSION="17.0.15".
        try (Stream<String> lines = Files.lines(home.resolve("release"))) {
            return lines.filter(line -> line.startsWith("JAVA_VERSION="))
                    .map(line -> line.substring("JAVA_VERSION=".length()).replace("\"", "").trim())
                    .map(version -> Runtime.Version.parse(version).feature())
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No JAVA_VERSION in " + home.resolve("release")));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot tell the Java version of " + home + " (no release file)", e);
        }
    }

    public String host() {
        return Loopback.HOST;
    }

    public int port() {
        return port;
    }

    public InetSocketAddress contactPoint() {
        return new InetSocketAddress(host(), port);
    }

    /** The datacenter to pass to the driver's {@code withLocalDatacenter}. */
    public String localDatacenter() {
        return DATACENTER;
    }

    /** The child JVM's process id, for tests that inspect what it listens on. */
    long pid() {
        return jvm.pid();
    }

    /** The server's stdout and log; in the temporary variant it is deleted on close. */
    Path log() {
        return jvm.log();
    }

    /** Stops the server and deletes its data (the whole work directory if {@link #start()} created it). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        jvm.close();
        Directories.deleteRecursively(ownedWorkDir != null ? ownedWorkDir : dataDir);
    }

    @Override
    public String toString() {
        return "CqlServer(" + host() + ":" + port + ", " + jvm + ")";
    }

}
