package io.tributary.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.s3.S3Client;

import io.tributary.testkit.s3.S3Server;

/**
 * 1,000 open time partitions (50 topic partitions x 20 paths) through one task in a JVM capped at 256 MB of heap:
 * the memory budget closes files early instead of running out of memory, and every record lands once.
 */
class HeapCappedSinkTest {

    @Test
    void aThousandOpenPartitionsFitIn256MbOfHeapWithoutLoss() throws Exception {
        try (S3Server server = S3Server.start()) {
            server.createBucket("wide");
            Path log = Files.createTempFile(Paths.get("target").toAbsolutePath(), "heap-capped-", ".log");
            List<String> command = new ArrayList<>(List.of(
                    Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC",
                    "-cp", System.getProperty("java.class.path"), HeapCappedSinkMain.class.getName(),
                    "s3.bucket.name=wide", "store.url=" + server.endpoint(), "s3.region=" + server.region(),
                    "s3.path.style.access.enabled=true", "aws.access.key.id=" + server.accessKey(),
                    "aws.secret.access.key=" + server.secretKey(), "flush.size=100000",
                    "rotate.schedule.interval.ms=3600000", "path.format=region={value.region}",
                    "buffer.memory.bytes=" + 24 * 1024 * 1024));
            Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            // Longer than the child's own drain deadline, so that a slow drain fails on what the child saw.
            assertThat(child.waitFor(HeapCappedSinkMain.DRAIN_DEADLINE.toMinutes() + 5, TimeUnit.MINUTES))
                    .as("child finished; see %s", log).isTrue();
            String output = Files.readString(log);
            assertThat(child.exitValue()).as("exit code; output in %s", log).isZero();
            assertThat(output).contains("RESULT records=50000 partitions_behind=0");
            System.out.println(output.lines().filter(line -> line.startsWith("RESULT")).findFirst().orElseThrow());

            List<Long> ids = ids(server.client());
            assertThat(ids).hasSize(50_000);
            assertThat(new HashSet<>(ids)).hasSize(50_000);
        }
    }

    /** The id of every record in every data object, read a few objects at a time. */
    private static List<Long> ids(S3Client s3) throws Exception {
        List<String> keys = SinkObjects.dataKeys(s3, "wide", "");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<List<Long>>> parts = new ArrayList<>();
            for (String key : keys) {
                parts.add(pool.submit(() -> new String(s3.getObjectAsBytes(b -> b.bucket("wide").key(key))
                        .asByteArray(), UTF_8).lines()
                        .map(line -> Long.parseLong(line.replaceAll("^\\{\"id\":(\\d+),.*", "$1"))).toList()));
            }
            List<Long> ids = new ArrayList<>();
            for (Future<List<Long>> part : parts) {
                ids.addAll(part.get());
            }
            return ids;
        } finally {
            pool.shutdownNow();
        }
    }
}
