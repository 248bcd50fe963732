package io.tributary.benchmarks.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginDirectoriesTest {

    @TempDir
    Path root;

    @Test
    void explainsHowToGoOnWhenTributarysPluginIsNotPackaged() {
        assertThatThrownBy(() -> PluginDirectories.tributary(root))
                .hasMessageContaining("Tributary's CDC connector is not packaged")
                .hasMessageContaining("-pl source-jdbc-cdc")
                .hasMessageContaining("-Dcontestants=debezium,ceiling");
        assertThatThrownBy(() -> PluginDirectories.debezium(root))
                .hasMessageContaining("-pl benchmark-peers");
    }

    @Test
    void findsThePackagedPlugins() throws IOException {
        Path tributary = root.resolve("source-jdbc-cdc/target/plugin/tributary-source-jdbc-cdc-0.1.0-SNAPSHOT");
        Files.createDirectories(tributary.resolve("lib"));
        Files.createFile(tributary.resolve("lib/source-jdbc-cdc-0.1.0-SNAPSHOT.jar"));
        Path debezium = root.resolve("benchmark-peers/target/plugin/debezium-connector-postgres");
        Files.createDirectories(debezium);
        Files.createFile(debezium.resolve("debezium-connector-postgres-3.6.1.Final.jar"));

        assertThat(PluginDirectories.of(Contestant.TRIBUTARY, root)).contains(tributary);
        assertThat(PluginDirectories.of(Contestant.DEBEZIUM, root)).contains(debezium);
        assertThat(PluginDirectories.of(Contestant.CEILING, root)).isEmpty();
    }

    @Test
    void refusesAnEmptyPluginDirectory() throws IOException {
        Files.createDirectories(root.resolve("source-jdbc-cdc/target/plugin/tributary-source-jdbc-cdc-0.1.0/lib"));

        assertThatThrownBy(() -> PluginDirectories.tributary(root)).hasMessageContaining("not packaged");
    }
}
