package io.tributary.benchmarks.cdc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Where the contestants' plugins are laid out for {@code plugin.path}, with a clear message when one is missing. */
final class PluginDirectories {

    static final String TRIBUTARY_MODULE = "source-jdbc-cdc";
    static final String PEERS_MODULE = "benchmark-peers";
    static final String DEBEZIUM_PLUGIN = "debezium-connector-postgres";

    private PluginDirectories() {
    }

    /** The plugin directory a contestant loads from, or empty for one on the benchmark's classpath (the ceiling). */
    static Optional<Path> of(Contestant contestant, Path root) {
        return switch (contestant) {
            case TRIBUTARY -> Optional.of(tributary(root));
            case DEBEZIUM -> Optional.of(debezium(root));
            case CEILING -> Optional.empty();
        };
    }

    /** {@code source-jdbc-cdc/target/plugin/tributary-source-jdbc-cdc-<version>}, as the package phase writes it. */
    static Path tributary(Path root) {
        Path pluginFolder = root.resolve(TRIBUTARY_MODULE).resolve("target").resolve("plugin");
        List<Path> matches = list(pluginFolder).stream()
                .filter(p -> p.getFileName().toString().startsWith("tributary-" + TRIBUTARY_MODULE + "-"))
                .filter(p -> hasJar(p.resolve("lib"), TRIBUTARY_MODULE + "-"))
                .toList();
        if (matches.size() != 1) {
            throw new IllegalStateException("Tributary's CDC connector is not packaged: expected one plugin directory "
                    + pluginFolder + "/tributary-" + TRIBUTARY_MODULE + "-*/lib with its jar, found " + matches
                    + ". Package it (./mvnw -B install -DskipTests -pl " + TRIBUTARY_MODULE + " -am), or measure "
                    + "the others only with -D" + Contestants.PROPERTY + "=debezium,ceiling");
        }
        return matches.get(0);
    }

    /** {@code benchmark-peers/target/plugin/debezium-connector-postgres}. */
    static Path debezium(Path root) {
        Path dir = root.resolve(PEERS_MODULE).resolve("target").resolve("plugin").resolve(DEBEZIUM_PLUGIN);
        if (!hasJar(dir, DEBEZIUM_PLUGIN + "-")) {
            throw new IllegalStateException("Debezium's PostgreSQL connector is not laid out in " + dir
                    + ": build it with ./mvnw -B install -DskipTests -pl " + PEERS_MODULE);
        }
        return dir;
    }

    private static boolean hasJar(Path dir, String prefix) {
        return list(dir).stream().map(p -> p.getFileName().toString())
                .anyMatch(name -> name.startsWith(prefix) && name.endsWith(".jar"));
    }

    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
    }
}
