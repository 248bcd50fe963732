package io.tributary.cdc.config;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import io.tributary.cdc.event.TableId;

/**
 * Which columns events carry: {@code column.include.list}/{@code column.exclude.list} match
 * {@code <schema>.<table>.<column>} (the whole name). Primary-key columns are always carried.
 */
public final class ColumnFilter {

    private final List<Pattern> includes;
    private final List<Pattern> excludes;

    public ColumnFilter(List<String> includes, List<String> excludes) {
        this.includes = compile(includes);
        this.excludes = compile(excludes);
    }

    /** The columns of {@code table} to carry, by name. */
    public Predicate<String> forTable(TableId table) {
        String prefix = table.schema() + "." + table.table() + ".";
        if (!includes.isEmpty()) {
            return column -> includes.stream().anyMatch(p -> p.matcher(prefix + column).matches());
        }
        if (!excludes.isEmpty()) {
            return column -> excludes.stream().noneMatch(p -> p.matcher(prefix + column).matches());
        }
        return column -> true;
    }

    private static List<Pattern> compile(List<String> regexes) {
        return regexes.stream().map(String::trim).filter(s -> !s.isEmpty()).map(Pattern::compile).toList();
    }
}
