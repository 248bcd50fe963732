package io.tributary.s3.storage;

import java.util.List;
import java.util.Optional;

/** The few object-store operations the sink needs; every write is a create that never overwrites. */
public interface ObjectStore extends AutoCloseable {

    /**
     * Creates {@code key} with {@code data} unless an object is already there ({@code If-None-Match: *}).
     *
     * @return true if this call created it, false if the key already held an object (which is left untouched)
     */
    boolean createIfAbsent(String key, Content data);

    /**
     * Creates {@code key}, or accepts an object already there when it holds exactly {@code data}: the replay of an
     * upload that already succeeded.
     *
     * @throws ObjectConflictException when the key holds different content
     */
    void createOrVerify(String key, Content data);

    /** The object's content, or empty when there is none. */
    Optional<byte[]> get(String key);

    boolean exists(String key);

    /** Every key starting with {@code prefix}, in ascending order. */
    List<String> list(String prefix);

    /** Fails with a {@link StorageException} naming the cause when the bucket is missing or unreachable. */
    void checkAccess();

    @Override
    void close();
}
