package io.tributary.cdc.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

import io.tributary.cdc.connection.ServerFacts;
import io.tributary.cdc.connection.SlotInfo;
import io.tributary.cdc.event.TableId;

/** What the server reported, turned into messages on the right keys (cases a test server cannot show). */
class ConfigChecksTest {

    private static final TableId ORDERS = new TableId("public", "orders");

    private static Map<String, ConfigValue> check(ServerFacts facts) {
        Map<String, String> props = PostgresCdcConnectorConfigTest.minimal();
        PostgresCdcConnectorConfig config = new PostgresCdcConnectorConfig(props);
        Map<String, ConfigValue> values = PostgresCdcConnectorConfig.configDef().validate(props).stream()
                .collect(Collectors.toMap(ConfigValue::name, Function.identity()));
        ConfigChecks.againstServer(values, config, facts);
        return values;
    }

    private static Map<String, List<String>> errors(Map<String, ConfigValue> values) {
        return values.values().stream().filter(v -> !v.errorMessages().isEmpty())
                .collect(Collectors.toMap(ConfigValue::name, ConfigValue::errorMessages));
    }

    @Test
    void walLevelOtherThanLogicalIsReportedOnTheHost() {
        Map<String, List<String>> errors = errors(check(new ServerFacts(17, "replica", true, List.of(ORDERS),
                Set.of(ORDERS), true, Optional.empty())));
        assertThat(errors).containsOnlyKeys("database.hostname");
        assertThat(errors.get("database.hostname")).singleElement().asString()
                .contains("wal_level is 'replica'").contains("wal_level=logical");
    }

    @Test
    void aSlotOfAnotherPluginOrDatabaseIsReportedOnTheSlot() {
        Map<String, List<String>> errors = errors(check(new ServerFacts(17, "logical", true, List.of(ORDERS),
                Set.of(ORDERS), true, Optional.of(new SlotInfo("tributary", "test_decoding", "db", false, 0, 1)))));
        assertThat(errors.get("slot.name")).singleElement().asString().contains("'test_decoding'");
        errors = errors(check(new ServerFacts(17, "logical", true, List.of(ORDERS), Set.of(ORDERS), true,
                Optional.of(new SlotInfo("tributary", "pgoutput", "other", false, 0, 1)))));
        assertThat(errors.get("slot.name")).singleElement().asString().contains("belongs to database 'other'");
    }

    @Test
    void aSlotAnotherProcessIsStillCreatingIsReportedAsInUse() {
        Map<String, List<String>> errors = errors(check(new ServerFacts(14, "logical", true, List.of(ORDERS),
                Set.of(ORDERS), true, Optional.of(new SlotInfo("tributary", "", "db", true, 4242, 1)))));
        assertThat(errors.get("slot.name")).singleElement().asString()
                .contains("in use by server process 4242").doesNotContain("output plugin");
    }
}
