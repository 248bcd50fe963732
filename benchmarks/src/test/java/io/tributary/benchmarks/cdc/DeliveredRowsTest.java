package io.tributary.benchmarks.cdc;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DeliveredRowsTest {

    @Test
    void acceptsEachIdOnceInAnyOrder() {
        assertThatCode(() -> DeliveredRows.requireExactly(new long[] {3, 1, 2}, 3, "x")).doesNotThrowAnyException();
    }

    @Test
    void reportsMissingDuplicateAndForeignIds() {
        assertThatThrownBy(() -> DeliveredRows.requireExactly(new long[] {1, 1, 9}, 3, "debezium"))
                .hasMessageContaining("debezium delivered 3 records for 3 rows")
                .hasMessageContaining("2 missing (first: 2)")
                .hasMessageContaining("1 duplicates")
                .hasMessageContaining("1 with an id outside 1..3");
    }
}
