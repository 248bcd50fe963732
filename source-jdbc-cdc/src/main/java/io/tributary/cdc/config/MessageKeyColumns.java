package io.tributary.cdc.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.errors.ConnectException;

import io.tributary.cdc.event.TableId;

/**
 * Debezium's {@code message.key.columns}: {@code <table regex>:<column>,<column>;...}. The regex must match the whole
 * {@code <schema>.<table>}; the first entry that matches a table gives its record key columns, in place of the
 * primary key. Key fields are in the order listed, as in Debezium 3.6 (checked by {@code DebeziumEquivalenceIT}).
 */
public final class MessageKeyColumns {

    /** One entry as Debezium accepts it: a regex without ':', then one or more comma-separated column names. */
    private static final Pattern ENTRY = Pattern.compile("\\s*([^:]+):([^:,]+(,[^:,]+)*)\\s*");

    private record Entry(Pattern table, List<String> columns) {
    }

    private final List<Entry> entries;

    private MessageKeyColumns(List<Entry> entries) {
        this.entries = entries;
    }

    public static final MessageKeyColumns NONE = new MessageKeyColumns(List.of());

    /**
     * Parses the key's value; blank means no override.
     *
     * @throws IllegalArgumentException saying which entry is malformed and why
     */
    public static MessageKeyColumns parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        List<Entry> entries = new ArrayList<>();
        for (String entry : text.split(";", -1)) {
            if (entry.isBlank()) {
                throw new IllegalArgumentException("an empty entry (between two ';' or at an end)");
            }
            Matcher matcher = ENTRY.matcher(entry);
            if (!matcher.matches()) {
                throw new IllegalArgumentException("entry '" + entry.strip() + "' is not <table regex>:<column>[,"
                        + "<column>...] (the regex cannot hold ':')");
            }
            Pattern table;
            try {
                table = Pattern.compile(matcher.group(1).strip());
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("'" + matcher.group(1).strip() + "' is not a valid regular "
                        + "expression: " + e.getDescription() + " near index " + e.getIndex());
            }
            Set<String> columns = new LinkedHashSet<>();
            for (String column : matcher.group(2).split(",")) {
                String name = column.strip();
                if (name.isEmpty() || !columns.add(name)) {
                    throw new IllegalArgumentException("entry '" + entry.strip() + "' names "
                            + (name.isEmpty() ? "an empty column" : "column '" + name + "' twice"));
                }
            }
            entries.add(new Entry(table, List.copyOf(columns)));
        }
        return new MessageKeyColumns(List.copyOf(entries));
    }

    /** The key columns configured for {@code table} in the order listed, or empty to keep its primary key. */
    public Optional<List<String>> forTable(TableId table) {
        String name = table.schema() + "." + table.table();
        return entries.stream().filter(e -> e.table().matcher(name).matches()).findFirst().map(Entry::columns);
    }

    /**
     * The record key columns of {@code table}, whose columns are {@code columnNames}: the configured ones in the
     * order listed, else {@code primaryKey}.
     *
     * @throws ConnectException naming the table and the column when a configured column is not in the table
     */
    public List<String> keyOf(TableId table, List<String> columnNames, List<String> primaryKey) {
        Optional<List<String>> configured = forTable(table);
        if (configured.isEmpty()) {
            return primaryKey;
        }
        for (String column : configured.get()) {
            if (!columnNames.contains(column)) {
                throw new ConnectException("message.key.columns names column '" + column + "' for table " + table
                        + ", which has no such column (its columns: " + String.join(", ", columnNames) + "); fix "
                        + "message.key.columns or the table");
            }
        }
        return configured.get();
    }

    /** The ConfigDef validator: the value must parse. */
    static final class Validator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            if (value == null) {
                return;
            }
            try {
                parse(String.valueOf(value));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name, value, e.getMessage());
            }
        }

        @Override
        public String toString() {
            return "<table regex>:<column>,<column>;... (empty: primary keys)";
        }
    }
}
