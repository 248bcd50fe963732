package io.tributary.cdc.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.errors.ConnectException;

import io.tributary.cdc.event.RecordKeyColumns;
import io.tributary.cdc.event.TableId;

/**
 * Debezium's {@code message.key.columns}: {@code <table regex>:<column>,<column>;...}, read as Debezium 3.6 reads it
 * (checked by {@code DebeziumEquivalenceIT}): every entry whose table regex matches the whole {@code <schema>.<table>}
 * contributes, in the order listed, the columns each of its column regexes matches (whole name, in table order), both
 * ignoring case; those columns, without repeats, are the record key in place of the primary key. Unlike Debezium,
 * which silently drops it, a column regex that matches no column of a matching table is an error.
 */
public final class MessageKeyColumns implements RecordKeyColumns {

    /** One entry as Debezium accepts it: a regex without ':', then one or more comma-separated column names. */
    private static final Pattern ENTRY = Pattern.compile("\\s*([^:]+):([^:,]+(,[^:,]+)*)\\s*");

    private record Entry(Pattern table, List<Pattern> columns) {
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
            Pattern table = compile(matcher.group(1).strip());
            Set<String> names = new LinkedHashSet<>();
            List<Pattern> columns = new ArrayList<>();
            for (String column : matcher.group(2).split(",")) {
                String name = column.strip();
                if (name.isEmpty() || !names.add(name)) {
                    throw new IllegalArgumentException("entry '" + entry.strip() + "' names "
                            + (name.isEmpty() ? "an empty column" : "column '" + name + "' twice"));
                }
                columns.add(compile(name));
            }
            entries.add(new Entry(table, List.copyOf(columns)));
        }
        return new MessageKeyColumns(List.copyOf(entries));
    }

    private static Pattern compile(String regex) {
        try {
            return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("'" + regex + "' is not a valid regular expression: "
                    + e.getDescription() + " near index " + e.getIndex());
        }
    }

    /** True when some entry names key columns for {@code table}. */
    @Override
    public boolean applies(TableId table) {
        return entries.stream().anyMatch(e -> matches(e, table));
    }

    private static boolean matches(Entry entry, TableId table) {
        return entry.table().matcher(table.schema() + "." + table.table()).matches();
    }

    /**
     * The record key columns of {@code table}, whose columns are {@code columnNames} in table order: those the
     * matching entries name, else {@code primaryKey}.
     *
     * @throws ConnectException naming the table and the column when a column regex matches no column of the table
     */
    @Override
    public List<String> keyOf(TableId table, List<String> columnNames, List<String> primaryKey) {
        Set<String> key = new LinkedHashSet<>();
        for (Entry entry : entries) {
            if (!matches(entry, table)) {
                continue;
            }
            for (Pattern column : entry.columns()) {
                List<String> matched = columnNames.stream().filter(name -> column.matcher(name).matches()).toList();
                if (matched.isEmpty()) {
                    throw new ConnectException("message.key.columns names column '" + column.pattern() + "' for "
                            + "table " + table + ", which has no such column (its columns: "
                            + String.join(", ", columnNames) + "); fix message.key.columns or the table");
                }
                key.addAll(matched);
            }
        }
        return key.isEmpty() ? primaryKey : List.copyOf(key);
    }

    /** True when no entry is configured: every table's key is its primary key. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /**
     * What the database's tables show to be wrong with the entries, one message per problem: an entry whose table
     * regex matches no table of the database, and a column regex that matches no column of a captured table its entry
     * applies to (the error a task would otherwise fail with at start).
     *
     * @param tables every table of the database
     * @param columns each table's column names, in table order
     * @param captured whether the connector captures a table
     */
    public List<String> problems(List<TableId> tables, Map<TableId, List<String>> columns,
            Predicate<TableId> captured) {
        List<String> problems = new ArrayList<>();
        for (Entry entry : entries) {
            List<TableId> matched = tables.stream().filter(t -> matches(entry, t)).toList();
            if (matched.isEmpty()) {
                problems.add("table regex '" + entry.table().pattern() + "' matches no table in the database "
                        + "(it must match the whole <schema>.<table>, e.g. public\\.orders)");
            }
            for (TableId table : matched.stream().filter(captured).toList()) {
                List<String> names = columns.getOrDefault(table, List.of());
                for (Pattern column : entry.columns()) {
                    if (names.stream().noneMatch(name -> column.matcher(name).matches())) {
                        problems.add("column '" + column.pattern() + "' matches no column of table " + table
                                + " (its columns: " + String.join(", ", names) + ")");
                    }
                }
            }
        }
        return problems;
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
