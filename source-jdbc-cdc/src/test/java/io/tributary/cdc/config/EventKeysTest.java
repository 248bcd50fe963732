package io.tributary.cdc.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tributary.cdc.event.TableId;
import io.tributary.cdc.types.BinaryHandlingMode;
import io.tributary.cdc.types.TimePrecisionMode;

class EventKeysTest {

    @Test
    void defaultsAreDebeziums() {
        PostgresCdcConnectorConfig config = new PostgresCdcConnectorConfig(PostgresCdcConnectorConfigTest.minimal());
        assertThat(config.timePrecisionMode()).isEqualTo(TimePrecisionMode.ADAPTIVE);
        assertThat(config.binaryHandlingMode()).isEqualTo(BinaryHandlingMode.BYTES);
        assertThat(config.provideTransactionMetadata()).isFalse();
        assertThat(config.transactionTopic()).isEqualTo("shop.transaction");
        assertThat(config.messageKeyColumns().applies(new TableId("public", "orders"))).isFalse();
    }

    @Test
    void valuesAreDebeziumsSpellingsReadCaseInsensitively() {
        Map<String, String> props = PostgresCdcConnectorConfigTest.minimal();
        props.put("time.precision.mode", "Adaptive_Time_Microseconds");
        props.put("binary.handling.mode", "BASE64-URL-SAFE");
        props.put("provide.transaction.metadata", "true");
        props.put("message.key.columns", "public\\.orders:note");
        props.put("topic.transaction", "tx-events");
        PostgresCdcConnectorConfig config = new PostgresCdcConnectorConfig(props);
        assertThat(config.transactionTopic()).isEqualTo("shop.tx-events");
        assertThat(config.timePrecisionMode()).isEqualTo(TimePrecisionMode.ADAPTIVE_TIME_MICROSECONDS);
        assertThat(config.binaryHandlingMode()).isEqualTo(BinaryHandlingMode.BASE64_URL_SAFE);
        assertThat(config.provideTransactionMetadata()).isTrue();
        assertThat(config.messageKeyColumns().keyOf(new TableId("public", "orders"), List.of("id", "note"),
                List.of("id"))).containsExactly("note");
        props.put("time.precision.mode", "connect");
        props.put("binary.handling.mode", "hex");
        config = new PostgresCdcConnectorConfig(props);
        assertThat(config.timePrecisionMode()).isEqualTo(TimePrecisionMode.CONNECT);
        assertThat(config.binaryHandlingMode()).isEqualTo(BinaryHandlingMode.HEX);
        for (TimePrecisionMode mode : List.of(TimePrecisionMode.ISOSTRING, TimePrecisionMode.MICROSECONDS,
                TimePrecisionMode.NANOSECONDS)) {
            props.put("time.precision.mode", mode.name().toLowerCase(java.util.Locale.ROOT));
            assertThat(PostgresCdcConnectorConfigTest.errors(props)).doesNotContainKey("time.precision.mode");
            assertThat(new PostgresCdcConnectorConfig(props).timePrecisionMode()).isEqualTo(mode);
        }
    }

    @Test
    void validateRejectsUnknownModesOnTheirKeys() {
        Map<String, String> props = PostgresCdcConnectorConfigTest.minimal();
        props.put("time.precision.mode", "picoseconds");
        props.put("binary.handling.mode", "base64_url_safe");
        props.put("provide.transaction.metadata", "maybe");
        Map<String, List<String>> errors = PostgresCdcConnectorConfigTest.errors(props);
        assertThat(errors.get("time.precision.mode")).singleElement().asString().contains("picoseconds");
        assertThat(errors.get("binary.handling.mode")).singleElement().asString().contains("base64_url_safe");
        assertThat(errors.get("provide.transaction.metadata")).isNotEmpty();
    }
}
