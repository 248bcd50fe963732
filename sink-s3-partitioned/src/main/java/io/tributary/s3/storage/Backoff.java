package io.tributary.s3.storage;

import java.time.Duration;
import java.util.function.LongUnaryOperator;

/** Exponential backoff with full jitter: attempt n waits a random time in [0, min(cap, base * 2^n)). */
public final class Backoff {

    private static final Duration CAP = Duration.ofSeconds(20);

    private final long baseMs;
    private final long capMs;
    private final LongUnaryOperator random;

    /** {@code random} maps a bound to a value in [0, bound), e.g. {@code ThreadLocalRandom.current()::nextLong}. */
    public Backoff(Duration base, LongUnaryOperator random) {
        this.baseMs = Math.max(1, base.toMillis());
        this.capMs = Math.max(baseMs, CAP.toMillis());
        this.random = random;
    }

    /** The delay before retry number {@code retry} (0 for the first retry). */
    public Duration delay(int retry) {
        long ceiling = baseMs << Math.min(retry, 30);
        if (ceiling <= 0 || ceiling > capMs) {
            ceiling = capMs;
        }
        return Duration.ofMillis(random.applyAsLong(ceiling + 1));
    }
}
