package io.tributary.testkit.s3;

import io.tributary.testkit.Directories;
import io.tributary.testkit.net.Loopback;
import io.tributary.testkit.process.ForkedJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-compatible server (Adobe S3Mock) in a child JVM, listening on 127.0.0.1 only, with an S3 client for it.
 *
 * <p>S3Mock accepts any credentials and does not verify signatures; {@link #accessKey()} and {@link #secretKey()}
 * are simply fixed values for clients and connectors to send. Objects live in a fresh directory that
 * {@link #close()} deletes.
 */
public final class S3Server implements AutoCloseable {

    private static final String MAIN_CLASS = "io.tributary.testkit.s3.S3ServerMain";
    private static final Pattern READY = Pattern.compile("S3-SERVER READY httpPort=(\\d+)");
    private static final List<String> JVM_ARGS = List.of(
            "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData",
            "-Djava.awt.headless=true", "-Djava.net.preferIPv4Stack=true");

    private static final String REGION = "us-east-1";
    private static final String ACCESS_KEY = "tributary-access-key";
    private static final String SECRET_KEY = "tributary-secret-key";

    private final ForkedJvm jvm;
    private final Path workDir;
    private final Path storageDir;
    private final URI endpoint;
    private S3Client client;

    private S3Server(ForkedJvm jvm, Path workDir, Path storageDir, int port) {
        this.jvm = jvm;
        this.workDir = workDir;
        this.storageDir = storageDir;
        this.endpoint = URI.create("http://" + Loopback.HOST + ":" + port);
    }

    /** Starts a server on a free loopback port; its log goes to {@code target/s3-server-*} when run by Maven. */
    public static S3Server start() {
        Path workDir = createWorkDir();
        Path storageDir = workDir.resolve("data");
        int port = Loopback.freePort();
        ForkedJvm jvm = ForkedJvm.builder("s3-server", "io/tributary/testkit/s3")
                .mainClass(MAIN_CLASS)
                .jvmArgs(JVM_ARGS)
                .args(List.of(Integer.toString(port), storageDir.toString()))
                .readyLine(READY)
                .startTimeout(Duration.ofSeconds(90))
                .workDir(workDir)
                .start();
        int announced = Integer.parseInt(jvm.readyLine().group(1));
        return new S3Server(jvm, workDir, storageDir, announced);
    }

    /** {@code http://127.0.0.1:<port>}; use path-style addressing. */
    public URI endpoint() {
        return endpoint;
    }

    public int port() {
        return endpoint.getPort();
    }

    public String region() {
        return REGION;
    }

    public String accessKey() {
        return ACCESS_KEY;
    }

    public String secretKey() {
        return SECRET_KEY;
    }

    /** A shared synchronous client for this server (path-style, static credentials); closed by {@link #close()}. */
    public synchronized S3Client client() {
        if (client == null) {
            client = S3Client.builder()
                    .endpointOverride(endpoint)
                    .region(Region.of(REGION))
                    .credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                    .forcePathStyle(true)
                    .build();
        }
        return client;
    }

    public void createBucket(String bucket) {
        client().createBucket(b -> b.bucket(bucket));
    }

    /** The child JVM's output, for diagnosing failures. */
    public Path log() {
        return jvm.log();
    }

    @Override
    public synchronized void close() {
        try {
            if (client != null) {
                client.close();
                client = null;
            }
        } finally {
            jvm.close();
            Directories.deleteRecursively(storageDir);
            if (!workDir.startsWith(Paths.get("target").toAbsolutePath())) {
                Directories.deleteRecursively(workDir);
            }
        }
    }

    @Override
    public String toString() {
        return "S3Server(" + endpoint + ", " + jvm + ")";
    }

    /** Under the module's {@code target/} when there is one (so the log survives for diagnosis), else a temp dir. */
    private static Path createWorkDir() {
        try {
            Path target = Paths.get("target").toAbsolutePath();
            return Files.isDirectory(target)
                    ? Files.createTempDirectory(target, "s3-server-")
                    : Files.createTempDirectory("tributary-s3-server-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the S3 server's work directory", e);
        }
    }

}
