package io.tributary.cdc.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

import io.tributary.cdc.PostgresCdcConnector;
import io.tributary.cdc.event.TableId;
import io.tributary.cdc.types.DecimalHandlingMode;

class PostgresCdcConnectorConfigTest {

    static Map<String, String> minimal() {
        Map<String, String> props = new HashMap<>();
        props.put("database.hostname", "127.0.0.1");
        props.put("database.port", "1");
        props.put("database.user", "u");
        props.put("database.dbname", "db");
        props.put("topic.prefix", "shop");
        return props;
    }

    @Test
    void defaultsFollowDebezium() {
        PostgresCdcConnectorConfig config = new PostgresCdcConnectorConfig(minimal());
        assertThat(config.snapshotMode()).isEqualTo(SnapshotMode.INITIAL);
        assertThat(config.publicationAutocreateMode()).isEqualTo(PublicationAutocreateMode.FILTERED);
        assertThat(config.decimalHandlingMode()).isEqualTo(DecimalHandlingMode.PRECISE);
        assertThat(config.tombstonesOnDelete()).isTrue();
        assertThat(config.skippedOperations()).containsExactly('t');
        assertThat(config.password()).isNull();
        assertThat(config.sslMode()).isEqualTo(SslMode.PREFER);
    }

    @Test
    void enumValuesAreReadCaseInsensitivelyAndNeverMeansNoData() {
        Map<String, String> props = minimal();
        props.put("snapshot.mode", "NEVER");
        props.put("publication.autocreate.mode", "All_Tables");
        props.put("decimal.handling.mode", "string");
        props.put("database.sslmode", "verify-full");
        props.put("skipped.operations", "none");
        PostgresCdcConnectorConfig config = new PostgresCdcConnectorConfig(props);
        assertThat(config.snapshotMode()).isEqualTo(SnapshotMode.NO_DATA);
        assertThat(config.publicationAutocreateMode()).isEqualTo(PublicationAutocreateMode.ALL_TABLES);
        assertThat(config.decimalHandlingMode()).isEqualTo(DecimalHandlingMode.STRING);
        assertThat(config.sslMode()).isEqualTo(SslMode.VERIFY_FULL);
        assertThat(config.skippedOperations()).isEmpty();
    }

    @Test
    void tableFilterMatchesWholeNamesAndSkipsSystemSchemas() {
        Map<String, String> props = minimal();
        props.put("table.include.list", "public\\.orders,inv\\..*");
        TableFilter filter = new PostgresCdcConnectorConfig(props).tableFilter();
        assertThat(filter.captures(new TableId("public", "orders"))).isTrue();
        assertThat(filter.captures(new TableId("public", "orders_archive"))).isFalse();
        assertThat(filter.captures(new TableId("inv", "stock"))).isTrue();
        props.remove("table.include.list");
        props.put("schema.exclude.list", "audit");
        filter = new PostgresCdcConnectorConfig(props).tableFilter();
        assertThat(filter.captures(new TableId("audit", "log"))).isFalse();
        assertThat(filter.captures(new TableId("public", "x"))).isTrue();
        assertThat(filter.captures(new TableId("pg_catalog", "pg_class"))).isFalse();
    }

    @Test
    void columnFilterMatchesSchemaTableAndColumn() {
        Map<String, String> props = minimal();
        props.put("column.exclude.list", "public\\.customers\\.(password|ssn)");
        ColumnFilter filter = new PostgresCdcConnectorConfig(props).columnFilter();
        assertThat(filter.forTable(new TableId("public", "customers")).test("password")).isFalse();
        assertThat(filter.forTable(new TableId("public", "customers")).test("name")).isTrue();
        assertThat(filter.forTable(new TableId("public", "orders")).test("password")).isTrue();
        props.remove("column.exclude.list");
        props.put("column.include.list", "public\\.orders\\.(id|total)");
        filter = new PostgresCdcConnectorConfig(props).columnFilter();
        assertThat(filter.forTable(new TableId("public", "orders")).test("total")).isTrue();
        assertThat(filter.forTable(new TableId("public", "orders")).test("note")).isFalse();
    }

    @Test
    void validateNamesTheWrongKeyWithoutAServer() {
        Map<String, String> props = minimal();
        props.put("table.include.list", "public\\.(orders");
        props.put("schema.include.list", "a");
        props.put("schema.exclude.list", "b");
        props.put("max.batch.size", "100");
        props.put("max.queue.size", "100");
        props.put("snapshot.mode", "sometimes");
        Map<String, List<String>> errors = errors(props);
        assertThat(errors.get("table.include.list")).singleElement().asString()
                .contains("'public\\.(orders' is not a valid regular expression");
        assertThat(errors.get("schema.exclude.list")).singleElement().asString()
                .contains("cannot be used together with schema.include.list");
        assertThat(errors.get("max.queue.size")).singleElement().asString().contains("must be larger than");
        assertThat(errors.get("snapshot.mode")).isNotEmpty();
        assertThat(errors).doesNotContainKey("database.hostname");
    }

    @Test
    void validateReportsAnUnreachableServerOnTheHost() {
        Map<String, String> props = minimal();
        props.put("database.connect.timeout.ms", "1000");
        Map<String, List<String>> errors = errors(props);
        assertThat(errors).containsOnlyKeys("database.hostname");
        assertThat(errors.get("database.hostname")).singleElement().asString()
                .contains("Cannot connect to PostgreSQL at u@127.0.0.1:1/db");
    }

    static Map<String, List<String>> errors(Map<String, String> props) {
        return new PostgresCdcConnector().validate(props).configValues().stream()
                .filter(v -> !v.errorMessages().isEmpty())
                .collect(Collectors.toMap(ConfigValue::name, ConfigValue::errorMessages));
    }
}
