package io.tributary.benchmarks.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ObjectPlanTest {

    @Test
    void cutsEachPartitionIntoFlushSizeObjects() {
        ObjectPlan plan = new ObjectPlan(40_000, 4, 2_500);
        assertThat(plan.recordsPerPartition()).isEqualTo(10_000);
        assertThat(plan.chunks(3)).hasSize(4).first()
                .isEqualTo(new ObjectPlan.Chunk(3, 0, 2_500));
        assertThat(plan.chunks(3).get(3)).isEqualTo(new ObjectPlan.Chunk(3, 7_500, 2_500));
        assertThat(plan.objects()).isEqualTo(16);
    }

    @Test
    void everyIdLivesAtExactlyOnePartitionAndOffset() {
        ObjectPlan plan = new ObjectPlan(1_200, 3, 100);
        Set<Long> ids = new HashSet<>();
        for (int p = 0; p < 3; p++) {
            for (long offset = 0; offset < plan.recordsPerPartition(); offset++) {
                long id = plan.idAt(p, offset);
                assertThat(ObjectPlan.partitionOf(id, 3)).isEqualTo(p);
                ids.add(id);
            }
        }
        assertThat(ids).hasSize(1_200).allMatch(id -> id >= 0 && id < 1_200);
    }

    @Test
    void aFollowingPlanTakesTheNextIdsInTheSamePartitions() {
        ObjectPlan warmup = new ObjectPlan(1_200, 3, 100);
        ObjectPlan timed = warmup.followedBy(600);
        assertThat(timed.firstId()).isEqualTo(1_200);
        assertThat(timed.endId()).isEqualTo(1_800);
        assertThat(timed.objects()).isEqualTo(6);
        Set<Long> ids = new HashSet<>();
        for (int p = 0; p < 3; p++) {
            for (long offset = 0; offset < timed.recordsPerPartition(); offset++) {
                long id = timed.idAt(p, offset);
                assertThat(ObjectPlan.partitionOf(id, 3)).isEqualTo(p);
                // offset 0 of the following plan is the partition's record after the warm-up's last
                assertThat(id).isEqualTo(warmup.idAt(p, warmup.recordsPerPartition() + offset));
                ids.add(id);
            }
        }
        assertThat(ids).hasSize(600).allMatch(id -> id >= 1_200 && id < 1_800);
    }

    @Test
    void rejectsAFirstIdThatWouldShiftThePartitions() {
        assertThatThrownBy(() -> new ObjectPlan(1_200, 3, 100, 1)).hasMessageContaining("first id");
    }

    @Test
    void fitsFlushSizeToADivisorOfThePartitionsRecords() {
        assertThat(ObjectPlan.fitting(1_000_000, 4, 10_000).flushSize()).isEqualTo(10_000);
        assertThat(ObjectPlan.fitting(20_000, 4, 10_000).flushSize()).isEqualTo(5_000);
        assertThat(ObjectPlan.fitting(36_000, 4, 10_000).flushSize()).isEqualTo(9_000);
    }

    @Test
    void rejectsRecordsThatDoNotSplitEvenly() {
        assertThatThrownBy(() -> new ObjectPlan(10_001, 4, 100)).hasMessageContaining("multiple");
        assertThatThrownBy(() -> new ObjectPlan(1_000, 4, 100)).hasMessageContaining("flush.size");
    }
}
