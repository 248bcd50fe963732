package io.tributary.s3.storage;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a request again after transient failures, waiting per {@link Backoff}, up to a number of retries. */
public final class Retrier {

    /** How the retrier waits; tests pass one that records instead of sleeping. */
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);

    private final int retries;
    private final Backoff backoff;
    private final Predicate<RuntimeException> retryable;
    private final Sleeper sleeper;

    public Retrier(int retries, Backoff backoff, Predicate<RuntimeException> retryable, Sleeper sleeper) {
        this.retries = retries;
        this.backoff = backoff;
        this.retryable = retryable;
        this.sleeper = sleeper;
    }

    /** The result of {@code request}; a non-retryable failure, or the last one, is thrown as is. */
    public <T> T call(String what, Supplier<T> request) {
        for (int attempt = 0; ; attempt++) {
            try {
                return request.get();
            } catch (RuntimeException e) {
                if (attempt >= retries || !retryable.test(e)) {
                    throw e;
                }
                Duration delay = backoff.delay(attempt);
                LOG.warn("{} failed ({}); retry {} of {} in {} ms", what, e.toString(), attempt + 1, retries,
                        delay.toMillis());
                try {
                    sleeper.sleep(delay);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
