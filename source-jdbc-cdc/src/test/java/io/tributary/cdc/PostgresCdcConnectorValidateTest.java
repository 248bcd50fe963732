package io.tributary.cdc;

import io.tributary.testkit.task.StubSourceTaskContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.tributary.testkit.postgres.PostgresServer;

/** {@code validate()} against a real server: each problem is reported on the key a user has to change. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresCdcConnectorValidateTest {

    private PostgresServer postgres;

    @BeforeAll
    void startPostgres() {
        postgres = PostgresServer.start();
        postgres.execute("CREATE SCHEMA v", "CREATE TABLE v.orders (id int PRIMARY KEY, customer_id int, order_no int)",
                "CREATE TABLE v.secret (id int PRIMARY KEY)",
                "GRANT USAGE ON SCHEMA v TO " + postgres.replicationUser(),
                "GRANT SELECT ON v.orders TO " + postgres.replicationUser(),
                "CREATE PUBLICATION v FOR TABLE v.orders",
                "CREATE ROLE plain LOGIN PASSWORD 'plain-pw'",
                "GRANT USAGE ON SCHEMA v TO plain", "GRANT SELECT ON v.orders TO plain");
    }

    @AfterAll
    void stopPostgres() {
        if (postgres != null) {
            postgres.close();
        }
    }

    private Map<String, String> config() {
        Map<String, String> props = postgres.cdcConnectionConfig();
        props.put("topic.prefix", "v");
        props.put("table.include.list", "v\\.orders");
        props.put("slot.name", "v");
        props.put("publication.name", "v");
        props.put("publication.autocreate.mode", "disabled");
        return props;
    }

    private static Map<String, List<String>> errors(Map<String, String> props) {
        return new PostgresCdcConnector().validate(props).configValues().stream()
                .filter(v -> !v.errorMessages().isEmpty())
                .collect(Collectors.toMap(ConfigValue::name, ConfigValue::errorMessages));
    }

    @Test
    void aGoodConfigHasNoErrors() {
        assertThat(errors(config())).isEmpty();
    }

    @Test
    void aRoleWithoutReplicationIsReportedOnTheUser() {
        Map<String, String> props = config();
        props.put("database.user", "plain");
        props.put("database.password", "plain-pw");
        assertThat(errors(props)).containsOnlyKeys("database.user");
        assertThat(errors(props).get("database.user")).singleElement().asString().contains("lacks the REPLICATION");
    }

    @Test
    void aWrongPasswordOrDatabaseIsReportedOnThatKey() {
        Map<String, String> props = config();
        props.put("database.password", "wrong");
        assertThat(errors(props)).containsOnlyKeys("database.password");
        props = config();
        props.put("database.dbname", "nosuchdb");
        assertThat(errors(props)).containsOnlyKeys("database.dbname");
    }

    @Test
    void missingTablesUnreadableTablesAndAMissingPublicationAreReported() {
        Map<String, String> props = config();
        props.put("table.include.list", "v\\.orders,v\\.nosuch,v\\.secret");
        props.put("publication.name", "nosuch");
        Map<String, List<String>> errors = errors(props);
        assertThat(errors).containsOnlyKeys("table.include.list", "database.user", "publication.name");
        assertThat(errors.get("table.include.list")).singleElement().asString()
                .contains("'v\\.nosuch' matches no table");
        assertThat(errors.get("database.user")).singleElement().asString()
                .contains("lacks SELECT").contains("v.secret");
        assertThat(errors.get("publication.name")).singleElement().asString().contains("does not exist");
    }

    @Test
    void messageKeyColumnsOfExistingTablesAndColumnsHaveNoErrors() {
        Map<String, String> props = config();
        // column names ignore case and are regexes, as in Debezium; v.secret is not captured but exists
        props.put("message.key.columns", "v\\.orders:Customer_ID,order_.*;v\\.secret:id");
        assertThat(errors(props)).isEmpty();
    }

    @Test
    void messageKeyColumnsNamingAMissingTableOrColumnIsReportedOnThatKey() {
        Map<String, String> props = config();
        props.put("message.key.columns", "v\\.orders:customer_id,nosuch;v\\.nosuch:id");
        Map<String, List<String>> errors = errors(props);
        assertThat(errors).containsOnlyKeys("message.key.columns");
        assertThat(errors.get("message.key.columns")).satisfiesExactlyInAnyOrder(
                missingColumn -> assertThat(missingColumn).contains("column 'nosuch'")
                        .contains("no column of table v.orders").contains("id, customer_id, order_no"),
                missingTable -> assertThat(missingTable).contains("'v\\.nosuch' matches no table"));
    }

    @Test
    void messageKeyColumnsAreCheckedOnlyInTablesTheConnectorCaptures() {
        Map<String, String> props = config();
        // v.secret exists but is not captured: its key is never used, whatever it names
        props.put("message.key.columns", "v\\..*:id,order_no");
        Map<String, List<String>> errors = errors(props);
        assertThat(errors).isEmpty();
        props.put("table.include.list", "v\\.orders,v\\.secret");
        props.put("database.user", postgres.superuser());
        props.put("database.password", postgres.superuserPassword());
        errors = errors(props);
        assertThat(errors).containsOnlyKeys("message.key.columns");
        assertThat(errors.get("message.key.columns")).singleElement().asString()
                .contains("column 'order_no' matches no column of table v.secret (its columns: id)");
    }

    @Test
    void aSlotInUseByAnotherProcessIsReportedOnTheSlot() throws Exception {
        Map<String, String> props = config();
        props.put("slot.name", "busy");
        props.put("snapshot.mode", "no_data");
        props.put("slot.drop.on.stop", "true");
        PostgresCdcTask task = new PostgresCdcTask(null, Clock.systemUTC());
        StubSourceTaskContext context = new StubSourceTaskContext(props);
        task.initialize(context);
        task.start(props);
        try {
            long deadline = System.nanoTime() + 30_000_000_000L;
            Map<String, List<String>> errors = errors(props);
            while (!errors.containsKey("slot.name") && System.nanoTime() < deadline) {
                Thread.sleep(50);
                errors = errors(props);
            }
            assertThat(errors).containsOnlyKeys("slot.name");
            assertThat(errors.get("slot.name")).singleElement().asString().contains("is in use by server process");
        } finally {
            task.stop();
        }
    }

    @Test
    void alterOffsetsRejectsAnLsnBehindTheSlot() throws Exception {
        Map<String, String> props = config();
        props.put("slot.name", "altered");
        props.put("snapshot.mode", "no_data");
        PostgresCdcTask task = new PostgresCdcTask(null, Clock.systemUTC());
        task.initialize(new StubSourceTaskContext(props));
        task.start(props);
        long confirmed;
        try {
            confirmed = awaitSlotConfirmedFlush("altered");
        } finally {
            task.stop();
        }
        PostgresCdcConnector connector = new PostgresCdcConnector();
        Map<String, String> partition = Map.of("server", "v");
        Map<Map<String, ?>, Map<String, ?>> behind = Map.of(partition,
                Map.of("lsn_commit", confirmed - 1, "txId", 1L, "event_serial", 1L));
        assertThatThrownBy(() -> connector.alterOffsets(props, behind)).hasMessageContaining("is behind");
        Map<Map<String, ?>, Map<String, ?>> atSlot = Map.of(partition,
                Map.of("lsn_commit", confirmed, "txId", 1L, "event_serial", 1L));
        assertThat(connector.alterOffsets(props, atSlot)).isTrue();
    }

    private long awaitSlotConfirmedFlush(String slot) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        try (java.sql.Connection connection = postgres.superuserConnection();
                java.sql.Statement statement = connection.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (java.sql.ResultSet rs = statement.executeQuery("SELECT confirmed_flush_lsn::text FROM "
                        + "pg_replication_slots WHERE slot_name = '" + slot + "' AND active")) {
                    if (rs.next() && rs.getString(1) != null) {
                        return io.tributary.cdc.Lsn.parse(rs.getString(1));
                    }
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("slot " + slot + " never became active");
    }
}
