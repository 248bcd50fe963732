package io.tributary.benchmarks;

import io.tributary.testkit.ProjectLayout;
import io.tributary.testkit.connect.ConnectCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * How long an embedded Kafka + Connect cluster takes to start with every packaged Tributary plugin on
 * {@code plugin.path}, against the same cluster with no plugins (the baseline). Rounds alternate so that both see the
 * same warm JVM.
 */
final class ConnectStartupBenchmark implements BenchmarkCase {

    private final int rounds;

    ConnectStartupBenchmark(int rounds) {
        this.rounds = rounds;
    }

    @Override
    public String name() {
        return "connect-startup";
    }

    @Override
    public Result run() throws IOException {
        List<Path> plugins = packagedPlugins();
        if (plugins.isEmpty()) {
            throw new IllegalStateException("No packaged plugins under " + ProjectLayout.root()
                    + ": build them first (benchmarks/run.sh does)");
        }
        startMillis(List.of()); // warm-up, not counted
        long[] plain = new long[rounds];
        long[] withPlugins = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            plain[i] = startMillis(List.of());
            withPlugins[i] = startMillis(plugins);
        }
        long plainMedian = Stats.median(plain);
        long pluginsMedian = Stats.median(withPlugins);
        return new Result(name())
                .put("rounds", rounds)
                .put("plugins", plugins.size())
                .put("plain_ms_median", plainMedian)
                .put("with_plugins_ms_median", pluginsMedian)
                .put("with_plugins_ms_max", Stats.percentile(withPlugins, 100))
                .put("ratio_vs_plain", (double) pluginsMedian / plainMedian);
    }

    private static long startMillis(List<Path> plugins) {
        ConnectCluster.Builder builder = ConnectCluster.builder();
        plugins.forEach(builder::pluginDirectory);
        long started = System.nanoTime();
        try (ConnectCluster cluster = builder.start()) {
            long elapsed = (System.nanoTime() - started) / 1_000_000;
            if (cluster.plugins().isEmpty()) {
                throw new IllegalStateException("The cluster lists no plugins at all");
            }
            return elapsed;
        }
    }

    /**
     * Every module's packaged Tributary plugin directory ({@code <module>/target/plugin/tributary-<module>-<version>}).
     * Other plugin folders, such as benchmark-peers' third-party plugins, are not Tributary's and do not count.
     */
    static List<Path> packagedPlugins() throws IOException {
        try (Stream<Path> modules = Files.list(ProjectLayout.root())) {
            return modules.filter(ConnectStartupBenchmark::hasTributaryPlugin)
                    .map(ProjectLayout::pluginDirectory)
                    .sorted()
                    .toList();
        }
    }

    private static boolean hasTributaryPlugin(Path module) {
        Path pluginFolder = module.resolve("target/plugin");
        if (!Files.isDirectory(pluginFolder)) {
            return false;
        }
        String prefix = "tributary-" + module.getFileName() + "-";
        try (Stream<Path> entries = Files.list(pluginFolder)) {
            return entries.anyMatch(p -> p.getFileName().toString().startsWith(prefix));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
