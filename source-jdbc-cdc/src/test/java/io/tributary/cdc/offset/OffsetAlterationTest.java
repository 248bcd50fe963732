package io.tributary.cdc.offset;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;

class OffsetAlterationTest {

    private static final String PREFIX = "shop";
    private static final Map<String, String> PARTITION = Map.of("server", PREFIX);
    private static final Map<String, Object> PART_2 = Map.of("server", PREFIX, "snapshot_part", 2);

    private static Map<Map<String, ?>, Map<String, ?>> offsets(Map<String, ?> partition, Map<String, ?> offset) {
        Map<Map<String, ?>, Map<String, ?>> offsets = new HashMap<>();
        offsets.put(partition, offset);
        return offsets;
    }

    @Test
    void acceptsAPositionAtOrAfterTheSlotAndResets() {
        assertThatCode(() -> OffsetAlteration.check(PREFIX,
                offsets(PARTITION, CdcOffset.streamed(100, 1, 1).toMap()), OptionalLong.of(100)))
                .doesNotThrowAnyException();
        assertThatCode(() -> OffsetAlteration.check(PREFIX, offsets(PARTITION, null), OptionalLong.of(100)))
                .doesNotThrowAnyException();
        assertThatCode(() -> OffsetAlteration.check(PREFIX,
                offsets(PARTITION, CdcOffset.streamed(5, 1, 1).toMap()), OptionalLong.empty()))
                .doesNotThrowAnyException();
    }

    @Test
    void rejectsPositionsTheSlotNoLongerHas() {
        assertThatThrownBy(() -> OffsetAlteration.check(PREFIX,
                offsets(PARTITION, CdcOffset.streamed(99, 1, 1).toMap()), OptionalLong.of(100)))
                .isInstanceOf(ConnectException.class).hasMessageContaining("0/63 is behind")
                .hasMessageContaining("0/64");
    }

    @Test
    void rejectsMalformedOffsetsAndForeignPartitions() {
        assertThatThrownBy(() -> OffsetAlteration.check(PREFIX,
                offsets(PARTITION, Map.of("lsn_commit", "16/B374D848")), OptionalLong.empty()))
                .isInstanceOf(ConnectException.class).hasMessageContaining("Malformed offset");
        assertThatThrownBy(() -> OffsetAlteration.check(PREFIX,
                offsets(PARTITION, Map.of("lsn_commit", -1, "txId", 1, "event_serial", 1)), OptionalLong.empty()))
                .isInstanceOf(ConnectException.class).hasMessageContaining("cannot be negative");
        assertThatThrownBy(() -> OffsetAlteration.check(PREFIX,
                offsets(Map.of("server", "other"), null), OptionalLong.empty()))
                .isInstanceOf(ConnectException.class).hasMessageContaining("Unknown source partition");
    }

    @Test
    void snapshotPartsTakeOnlySnapshotOffsets() {
        assertThatCode(() -> OffsetAlteration.check(PREFIX,
                offsets(PART_2, CdcOffset.snapshotRecord(100, true).toMap()), OptionalLong.of(200)))
                .doesNotThrowAnyException();
        assertThatCode(() -> OffsetAlteration.check(PREFIX, offsets(PART_2, null), OptionalLong.of(200)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> OffsetAlteration.check(PREFIX,
                offsets(PART_2, CdcOffset.streamed(300, 1, 1).toMap()), OptionalLong.of(200)))
                .isInstanceOf(ConnectException.class).hasMessageContaining("snapshot part 2");
        assertThatThrownBy(() -> OffsetAlteration.check(PREFIX,
                offsets(Map.of("server", PREFIX, "snapshot_part", 0), null), OptionalLong.empty()))
                .isInstanceOf(ConnectException.class).hasMessageContaining("Unknown source partition");
        assertThatThrownBy(() -> OffsetAlteration.check(PREFIX,
                offsets(Map.of("server", PREFIX, "table", "x"), null), OptionalLong.empty()))
                .isInstanceOf(ConnectException.class).hasMessageContaining("Unknown source partition");
    }
}
