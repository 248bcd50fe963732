package io.tributary.testkit.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.net.InetAddress;
import java.util.List;

/** The check every fixture's smoke test makes: its server answers on loopback and nowhere else. */
public final class LoopbackAssertions {

    private LoopbackAssertions() {
    }

    /**
     * Asserts that {@code port} accepts connections on 127.0.0.1 and on none of this machine's other addresses;
     * skips the second half (as an assumption) on a machine that has no other address.
     */
    public static void assertListensOnLoopbackOnly(int port) {
        assertThat(Loopback.accepts(Loopback.address(), port)).as("port %d accepts on loopback", port).isTrue();
        List<InetAddress> others = Loopback.nonLoopbackAddresses();
        assumeFalse(others.isEmpty(), "this machine has no non-loopback address to try");
        assertThat(others).filteredOn(address -> Loopback.accepts(address, port))
                .as("addresses other than loopback that accept port %d", port)
                .isEmpty();
    }
}
