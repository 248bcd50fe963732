package io.tributary.s3.storage;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;

/** An {@link ObjectStore} in memory, with the same create-if-absent rules, that can fail chosen creates once. */
public final class InMemoryObjectStore implements ObjectStore {

    private final ConcurrentSkipListMap<String, byte[]> objects = new ConcurrentSkipListMap<>();
    private final List<Predicate<String>> failOnce = new ArrayList<>();
    private int creates;
    private volatile CountDownLatch createsHeld = new CountDownLatch(0);

    /** The next create of a key matching {@code keys} throws, as a crash or an outage between requests would. */
    public synchronized void failNextCreate(Predicate<String> keys) {
        failOnce.add(keys);
    }

    /** Creates wait until {@code release} counts down, so a test can order a writer thread's uploads. */
    public void holdCreatesUntil(CountDownLatch release) {
        createsHeld = release;
    }

    public synchronized int creates() {
        return creates;
    }

    @Override
    public boolean createIfAbsent(String key, Content data) {
        try {
            createsHeld.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException(StorageException.Reason.UNAVAILABLE, "interrupted before " + key, e);
        }
        return create(key, data);
    }

    private synchronized boolean create(String key, Content data) {
        for (Predicate<String> rule : failOnce) {
            if (rule.test(key)) {
                failOnce.remove(rule);
                throw new StorageException(StorageException.Reason.UNAVAILABLE, "injected failure for " + key, null);
            }
        }
        creates++;
        return objects.putIfAbsent(key, data.toByteArray()) == null;
    }

    @Override
    public void createOrVerify(String key, Content data) {
        if (!createIfAbsent(key, data) && !data.sameBytes(objects.get(key))) {
            throw new ObjectConflictException(key + " exists with other content");
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        return Optional.ofNullable(objects.get(key)).map(byte[]::clone);
    }

    @Override
    public boolean exists(String key) {
        return objects.containsKey(key);
    }

    @Override
    public List<String> list(String prefix) {
        return objects.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
    }

    /** Every key not under {@code _manifests/}. */
    public List<String> dataKeys() {
        return objects.keySet().stream().filter(k -> !k.contains("/_manifests/")).toList();
    }

    /** The {@code "id"} of every JSON line in every data object, sorted. */
    public List<Long> jsonLineIds() {
        List<Long> ids = new ArrayList<>();
        for (String key : dataKeys()) {
            for (String line : new String(objects.get(key), StandardCharsets.UTF_8).split("\n")) {
                ids.add(Long.parseLong(line.replaceAll(".*\"id\":(\\d+).*", "$1")));
            }
        }
        ids.sort(Long::compare);
        return ids;
    }

    public void delete(String key) {
        objects.remove(key);
    }

    @Override
    public void checkAccess() {
    }

    @Override
    public void close() {
    }
}
