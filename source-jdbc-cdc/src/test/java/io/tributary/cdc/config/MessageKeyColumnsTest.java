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
        assertThat(MessageKeyColumns.parse("").forTable(ORDERS)).isEmpty();
        assertThat(MessageKeyColumns.parse(null).keyOf(ORDERS, ORDER_COLUMNS, List.of("id")))
                .containsExactly("id");
    }

    @Test
    void theFirstEntryWhoseRegexMatchesTheWholeNameApplies() {
        MessageKeyColumns keys = MessageKeyColumns.parse(
                " public\\.orders : order_no , customer_id ; (.*)\\.orders:id;inv\\..*:sku ");
        assertThat(keys.forTable(ORDERS)).contains(List.of("order_no", "customer_id"));
        assertThat(keys.forTable(new TableId("sales", "orders"))).contains(List.of("id"));
        assertThat(keys.forTable(new TableId("inv", "stock"))).contains(List.of("sku"));
        assertThat(keys.forTable(new TableId("public", "orders_archive"))).isEmpty();
        assertThat(keys.forTable(new TableId("xinv", "stock"))).isEmpty();
    }

    @Test
    void keyColumnsAreInTheOrderListedAsDebezium() {
        MessageKeyColumns keys = MessageKeyColumns.parse("public\\.orders:order_no,customer_id");
        assertThat(keys.keyOf(ORDERS, ORDER_COLUMNS, List.of("id"))).containsExactly("order_no", "customer_id");
        assertThat(keys.keyOf(new TableId("public", "other"), List.of("id"), List.of("id"))).containsExactly("id");
        assertThat(keys.keyOf(ORDERS, ORDER_COLUMNS, List.of())).containsExactly("order_no", "customer_id");
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
}
