package io.tributary.cdc.offset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CdcOffsetTest {

    @Test
    void roundTripsThroughTheStoredMapIncludingIntegersFromJson() {
        CdcOffset streamed = CdcOffset.streamed(0x1_0000_0000L, 7, 3);
        assertThat(CdcOffset.fromMap(streamed.toMap())).isEqualTo(streamed);
        Map<String, Object> fromJson = new HashMap<>(Map.of("lsn_commit", 42, "txId", 7, "event_serial", 1));
        assertThat(CdcOffset.fromMap(fromJson)).isEqualTo(CdcOffset.streamed(42, 7, 1));
        CdcOffset snapshot = CdcOffset.snapshotRecord(99, false);
        assertThat(CdcOffset.fromMap(snapshot.toMap())).isEqualTo(snapshot);
        assertThat(snapshot.snapshotIncomplete()).isTrue();
        assertThat(CdcOffset.snapshotRecord(99, true).snapshotIncomplete()).isFalse();
        assertThat(CdcOffset.fromMap(null)).isNull();
    }

    @Test
    void malformedOffsetsNameTheField() {
        assertThatThrownBy(() -> CdcOffset.fromMap(Map.of("lsn_commit", "x")))
                .hasMessageContaining("'lsn_commit'");
    }
}
