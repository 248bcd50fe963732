package io.tributary.cdc.config;

import java.util.List;
import java.util.regex.Pattern;

import io.tributary.cdc.event.TableId;

/**
 * Which tables are captured: {@code schema.include.list}/{@code schema.exclude.list} match schema names,
 * {@code table.include.list}/{@code table.exclude.list} match {@code schema.table}; each regex must match the whole
 * name. System schemas are never captured.
 */
public final class TableFilter {

    private static final List<String> SYSTEM_SCHEMAS = List.of("pg_catalog", "information_schema", "pg_toast");

    private final List<Pattern> schemaIncludes;
    private final List<Pattern> schemaExcludes;
    private final List<Pattern> tableIncludes;
    private final List<Pattern> tableExcludes;

    public TableFilter(List<String> schemaIncludes, List<String> schemaExcludes, List<String> tableIncludes,
            List<String> tableExcludes) {
        this.schemaIncludes = compile(schemaIncludes);
        this.schemaExcludes = compile(schemaExcludes);
        this.tableIncludes = compile(tableIncludes);
        this.tableExcludes = compile(tableExcludes);
    }

    public boolean captures(TableId table) {
        if (SYSTEM_SCHEMAS.contains(table.schema()) || table.schema().startsWith("pg_temp")) {
            return false;
        }
        String qualified = table.schema() + "." + table.table();
        return allowed(table.schema(), schemaIncludes, schemaExcludes)
                && allowed(qualified, tableIncludes, tableExcludes);
    }

    /** The {@code table.include.list} patterns, for telling the user which one matches nothing. */
    public List<Pattern> tableIncludes() {
        return tableIncludes;
    }

    private static boolean allowed(String name, List<Pattern> includes, List<Pattern> excludes) {
        if (!includes.isEmpty()) {
            return includes.stream().anyMatch(p -> p.matcher(name).matches());
        }
        return excludes.stream().noneMatch(p -> p.matcher(name).matches());
    }

    private static List<Pattern> compile(List<String> regexes) {
        return regexes.stream().map(String::trim).filter(s -> !s.isEmpty()).map(Pattern::compile).toList();
    }
}
