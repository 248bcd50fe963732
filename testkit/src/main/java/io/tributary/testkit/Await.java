package io.tributary.testkit;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits on a condition instead of sleeping: polls until it holds or the time is up, then fails with what was seen. */
public final class Await {

    private static final Duration POLL = Duration.ofMillis(100);

    private Await() {
    }

    public static void until(Supplier<Boolean> condition, Duration timeout, Supplier<String> whatWasSeen) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException lastError = null;
        while (true) {
            try {
                if (Boolean.TRUE.equals(condition.get())) {
                    return;
                }
                lastError = null;
            } catch (RuntimeException e) {
                lastError = e;
            }
            if (System.nanoTime() > deadline) {
                AssertionError failure = new AssertionError("Condition not met within " + timeout + ": "
                        + whatWasSeen.get());
                if (lastError != null) {
                    failure.initCause(lastError);
                }
                throw failure;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting", e);
            }
        }
    }
}
