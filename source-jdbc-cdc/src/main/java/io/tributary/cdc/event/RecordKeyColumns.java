package io.tributary.cdc.event;

import java.util.List;

/** Which columns make a table's record key: its primary key unless configured otherwise. */
public interface RecordKeyColumns {

    /** The primary key, for every table. */
    RecordKeyColumns PRIMARY_KEY = new RecordKeyColumns() {
        @Override
        public boolean applies(TableId table) {
            return false;
        }

        @Override
        public List<String> keyOf(TableId table, List<String> columnNames, List<String> primaryKey) {
            return primaryKey;
        }
    };

    /** True when {@code table}'s key columns are configured, not its primary key. */
    boolean applies(TableId table);

    /** The record key columns of {@code table}, whose columns are {@code columnNames} in table order. */
    List<String> keyOf(TableId table, List<String> columnNames, List<String> primaryKey);
}
