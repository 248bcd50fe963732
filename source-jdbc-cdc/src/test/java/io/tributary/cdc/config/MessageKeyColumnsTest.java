package io.tributary.cdc.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;

import io.tributary.cdc.event.TableId;

class MessageKeyColumnsTest {

    private static final TableId ORDERS = new TableId("public", "orders");
    private static final List<String> ORDER_COLUMNS = List.of("id", "customer_id", "order_no", "note");

    @Test
    void blankMeansPrimaryKeys() {
        assertThat(MessageKeyColumns.parse("").applies(ORDERS)).isFalse();
        assertThat(MessageKeyColumns.parse(null).keyOf(ORDERS, ORDER_COLUMNS, List.of("id")))
                .containsExactly("id");
    }

    @Test
    void entriesWhoseRegexMatchesTheWholeNameIgnoringCaseApply() {
        MessageKeyColumns keys = MessageKeyColumns.parse(
                " public\\.orders : order_no , customer_id ; SALES\\.orders:ID;inv\\..*:sku ");
        assertThat(keys.keyOf(ORDERS, ORDER_COLUMNS, List.of("id"))).containsExactly("order_no", "customer_id");
        assertThat(keys.keyOf(new TableId("sales", "orders"), ORDER_COLUMNS, List.of())).containsExactly("id");
        assertThat(keys.keyOf(new TableId("inv", "stock"), List.of("id", "sku"), List.of("id")))
                .containsExactly("sku");
        assertThat(keys.applies(new TableId("public", "orders_archive"))).isFalse();
        assertThat(keys.applies(new TableId("xinv", "stock"))).isFalse();
        assertThat(keys.keyOf(new TableId("public", "other"), List.of("id"), List.of("id"))).containsExactly("id");
    }

    @Test
    void keyColumnsAreInTheOrderListedAsDebezium() {
        MessageKeyColumns keys = MessageKeyColumns.parse("public\\.orders:order_no,customer_id");
        assertThat(keys.keyOf(ORDERS, ORDER_COLUMNS, List.of("id"))).containsExactly("order_no", "customer_id");
        assertThat(keys.keyOf(ORDERS, ORDER_COLUMNS, List.of())).containsExactly("order_no", "customer_id");
    }

    /** As Debezium: columns are regexes too (in table order within one), and every matching entry adds its own. */
    @Test
    void columnRegexesAndSeveralMatchingEntriesAddUp() {
        MessageKeyColumns keys = MessageKeyColumns.parse("public\\.orders:note;public\\..*:.*_ID,id");
        assertThat(keys.keyOf(ORDERS, ORDER_COLUMNS, List.of("id")))
                .containsExactly("note", "customer_id", "id");
        assertThat(MessageKeyColumns.parse("public\\.orders:id;.*:id").keyOf(ORDERS, ORDER_COLUMNS, List.of()))
                .as("no repeats").containsExactly("id");
    }

    @Test
    void aColumnTheTableLacksFailsNamingTableAndColumn() {
        MessageKeyColumns keys = MessageKeyColumns.parse("public\\.orders:id,missing");
        assertThatThrownBy(() -> keys.keyOf(ORDERS, ORDER_COLUMNS, List.of("id")))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("message.key.columns")
                .hasMessageContaining("'missing'")
                .hasMessageContaining("public.orders");
    }

    @Test
    void malformedValuesAreRejectedSayingWhy() {
        assertThatThrownBy(() -> MessageKeyColumns.parse("public.orders")).hasMessageContaining(
                "is not <table regex>:<column>");
        assertThatThrownBy(() -> MessageKeyColumns.parse("public.orders:")).hasMessageContaining(
                "is not <table regex>:<column>");
        assertThatThrownBy(() -> MessageKeyColumns.parse("public.orders:id;")).hasMessageContaining("empty entry");
        assertThatThrownBy(() -> MessageKeyColumns.parse("public.orders:a,,b")).hasMessageContaining(
                "is not <table regex>:<column>");
        assertThatThrownBy(() -> MessageKeyColumns.parse("public.orders:a, ,b")).hasMessageContaining(
                "an empty column");
        assertThatThrownBy(() -> MessageKeyColumns.parse("public.orders:a,a")).hasMessageContaining(
                "column 'a' twice");
        assertThatThrownBy(() -> MessageKeyColumns.parse("public.(orders:a")).hasMessageContaining(
                "not a valid regular expression");
        assertThatThrownBy(() -> MessageKeyColumns.parse("a:b:c")).hasMessageContaining(
                "is not <table regex>:<column>");
    }

    @Test
    void validateNamesTheKey() {
        Map<String, String> props = PostgresCdcConnectorConfigTest.minimal();
        props.put("message.key.columns", "public.orders");
        Map<String, List<String>> errors = PostgresCdcConnectorConfigTest.errors(props);
        assertThat(errors.get("message.key.columns")).singleElement().asString()
                .contains("message.key.columns").contains("'public.orders' is not <table regex>:<column>");
    }

    @Test
    void problemsNameEntriesMatchingNoTableAndColumnsMissingFromCapturedTables() {
        TableId archive = new TableId("public", "orders_archive");
        List<TableId> tables = List.of(ORDERS, archive);
        Map<TableId, List<String>> columns = Map.of(ORDERS, ORDER_COLUMNS, archive, List.of("id"));
        MessageKeyColumns keys = MessageKeyColumns.parse("public\\.orders.*:ORDER_NO,cust.*;public\\.gone:id");
        // orders_archive lacks order_no but is not captured; public.gone does not exist
        assertThat(keys.problems(tables, columns, ORDERS::equals)).containsExactly(
                "table regex 'public\\.gone' matches no table in the database (it must match the whole "
                        + "<schema>.<table>, e.g. public\\.orders)");
        assertThat(keys.problems(tables, columns, table -> true)).containsExactly(
                "column 'ORDER_NO' matches no column of table public.orders_archive (its columns: id)",
                "column 'cust.*' matches no column of table public.orders_archive (its columns: id)",
                "table regex 'public\\.gone' matches no table in the database (it must match the whole "
                        + "<schema>.<table>, e.g. public\\.orders)");
        assertThat(MessageKeyColumns.NONE.problems(tables, columns, table -> true)).isEmpty();
        assertThat(MessageKeyColumns.NONE.isEmpty()).isTrue();
        assertThat(keys.isEmpty()).isFalse();
    }
}
