package io.tributary.s3.writer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.common.TopicPartition;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tributary.s3.storage.Content;
import io.tributary.s3.storage.ObjectStore;

/** Reads and appends a topic partition's manifests under {@code <topics.dir>/_manifests/<topic>+<partition>/}. */
final class ManifestStore {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final ObjectStore store;
    private final String prefix;

    ManifestStore(ObjectStore store, String topicsDir, TopicPartition tp) {
        this.store = store;
        this.prefix = topicsDir + "/_manifests/" + tp.topic() + "+" + tp.partition() + "/";
    }

    /** The newest manifest, or empty when the partition was never committed. */
    Optional<Manifest> latest() {
        List<String> keys = store.list(prefix);
        for (int i = keys.size() - 1; i >= 0; i--) {
            if (keys.get(i).endsWith(".json")) {
                String key = keys.get(i);
                return Optional.of(parse(store.get(key).orElseThrow(() -> new IllegalStateException(
                        key + " was listed but cannot be read"))));
            }
        }
        return Optional.empty();
    }

    /**
     * Appends {@code manifest} at its sequence number.
     *
     * @return false when another writer already appended a different manifest there: this one is fenced out
     */
    boolean append(Manifest manifest) {
        byte[] bytes = serialize(manifest);
        String key = key(manifest.seq());
        if (store.createIfAbsent(key, Content.of(bytes))) {
            return true;
        }
        // A retried PUT whose first attempt succeeded also answers 412: that one is ours.
        return store.get(key).map(existing -> Arrays.equals(existing, bytes)).orElse(false);
    }

    String key(long seq) {
        return prefix + String.format("%019d", seq) + ".json";
    }

    static byte[] serialize(Manifest manifest) {
        try {
            return JSON.writeValueAsBytes(manifest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Manifest parse(byte[] bytes) {
        try {
            return JSON.readValue(bytes, Manifest.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable manifest", e);
        }
    }
}
