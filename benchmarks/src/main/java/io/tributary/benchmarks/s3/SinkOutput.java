package io.tributary.benchmarks.s3;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * What the sink wrote under one {@code topics.dir}, read through its own output: the per-partition manifests
 * ({@code <topics.dir>/_manifests/<topic>+<partition>/<seq>.json}, whose {@code nextOffset} says how many records are
 * durable) and its data objects.
 */
final class SinkOutput {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory LINES = new JsonFactory();

    /** The data objects: how many, how many bytes, their keys. */
    record Objects(List<String> keys, long bytes) {
        int count() {
            return keys.size();
        }
    }

    private final S3Client s3;
    private final String bucket;
    private final String topicsDir;

    SinkOutput(S3Client s3, String bucket, String topicsDir) {
        this.s3 = s3;
        this.bucket = bucket;
        this.topicsDir = topicsDir;
    }

    /** Records durable in S3 by the newest manifest of each partition (the offset the sink resumes at). */
    long durableRecords(String topic, int partitions) {
        long durable = 0;
        for (int p = 0; p < partitions; p++) {
            String prefix = topicsDir + "/_manifests/" + topic + "+" + p + "/";
            String newest = null;
            for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix))
                    .contents()) {
                if (object.key().endsWith(".json") && (newest == null || object.key().compareTo(newest) > 0)) {
                    newest = object.key();
                }
            }
            if (newest != null) {
                durable += nextOffset(newest);
            }
        }
        return durable;
    }

    private long nextOffset(String key) {
        try {
            return JSON.readTree(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray())
                    .path("nextOffset").asLong();
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable manifest " + key, e);
        }
    }

    /** The data objects under {@code topics.dir}, manifests left out. */
    Objects objects() {
        List<String> keys = new ArrayList<>();
        long bytes = 0;
        for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(topicsDir + "/"))
                .contents()) {
            if (!object.key().startsWith(topicsDir + "/_manifests/")) {
                keys.add(object.key());
                bytes += object.size();
            }
        }
        return new Objects(keys, bytes);
    }

    /** Reads every object of {@code format} back and tallies the {@code id} of each record against the expected ids. */
    IdTally tally(BenchFormat format, Objects objects, long expected) throws InterruptedException {
        return switch (format) {
            case JSONL -> tally(objects, expected, SinkOutput::tallyIds);
            case PARQUET -> tally(objects, expected, ParquetIds::tally);
        };
    }

    private interface IdReader {
        void tally(byte[] object, IdTally tally) throws IOException;
    }

    private IdTally tally(Objects objects, long expected, IdReader reader) throws InterruptedException {
        IdTally tally = new IdTally(expected);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> reads = new ArrayList<>();
            for (String key : objects.keys()) {
                reads.add(pool.submit(() -> {
                    reader.tally(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray(), tally);
                    return null;
                }));
            }
            for (Future<?> read : reads) {
                read.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not read the sink's objects back", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return tally;
    }

    /** Adds the top-level {@code id} of each JSON line in {@code object} to {@code tally}. */
    static void tallyIds(byte[] object, IdTally tally) throws IOException {
        try (JsonParser parser = LINES.createParser(object)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token != JsonToken.START_OBJECT) {
                    throw new IOException("Not a JSON object per line: " + token);
                }
                long id = -1;
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    parser.nextToken();
                    if ("id".equals(field)) {
                        id = parser.getLongValue();
                    } else {
                        parser.skipChildren();
                    }
                }
                tally.add(id);
            }
        }
    }
}
