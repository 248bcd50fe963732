package io.tributary.benchmarks.cdc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Which contestants a run measures: {@code -Dcontestants=tributary,debezium,ceiling}, in that order. */
final class Contestants {

    static final String PROPERTY = "contestants";

    private Contestants() {
    }

    /** The selected contestants, or {@code defaults} when the property is absent or blank. */
    static List<Contestant> fromSystemProperty(List<Contestant> defaults, Set<Contestant> allowed) {
        return parse(System.getProperty(PROPERTY), defaults, allowed);
    }

    static List<Contestant> parse(String value, List<Contestant> defaults, Set<Contestant> allowed) {
        if (value == null || value.isBlank()) {
            return defaults;
        }
        List<Contestant> selected = new ArrayList<>();
        for (String name : value.split(",")) {
            String trimmed = name.trim().toUpperCase(Locale.ROOT);
            if (trimmed.isEmpty()) {
                continue;
            }
            Contestant contestant = Arrays.stream(Contestant.values()).filter(c -> c.name().equals(trimmed))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("-D" + PROPERTY + ": unknown contestant '"
                            + name.trim() + "'; choose from " + names(allowed)));
            if (!allowed.contains(contestant)) {
                throw new IllegalArgumentException("-D" + PROPERTY + ": " + contestant.id()
                        + " does not take part in this case; choose from " + names(allowed));
            }
            if (!selected.contains(contestant)) {
                selected.add(contestant);
            }
        }
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("-D" + PROPERTY + " names no contestant; choose from " + names(allowed));
        }
        return List.copyOf(selected);
    }

    private static String names(Set<Contestant> allowed) {
        return Arrays.stream(Contestant.values()).filter(allowed::contains).map(Contestant::id)
                .collect(Collectors.joining(","));
    }
}
