package io.tributary.benchmarks.s3;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdTallyTest {

    @Test
    void countsLostDuplicatedAndUnexpectedIds() {
        IdTally tally = new IdTally(5);
        for (long id : new long[] {0, 1, 1, 3, 7, -1}) {
            tally.add(id);
        }
        assertThat(tally.lines()).isEqualTo(6);
        assertThat(tally.lost()).isEqualTo(2); // 2 and 4
        assertThat(tally.duplicates()).isEqualTo(1);
        assertThat(tally.unexpected()).isEqualTo(2);
    }
}
