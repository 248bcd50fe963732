package io.tributary.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.build.PluginClass;
import io.tributary.build.PluginKind;
import io.tributary.testkit.ProjectLayout;
import io.tributary.testkit.connect.ConnectCluster;
import io.tributary.testkit.connect.ConnectCluster.PluginInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every packaged plugin keeps: the component archive has the Confluent Hub layout without the jars the Connect
 * runtime provides; a Connect worker that loads the plugin directory through {@code plugin.path} lists every declared
 * plugin class with the project version; validating an empty connector config names every missing required key; and
 * the REST API never echoes a password given to a connector. A plugin module inherits it with an empty subclass named
 * {@code *IT}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class PluginArchiveContract {

    /** Jar name prefixes the Connect runtime provides; a plugin that ships them breaks class identity. */
    public static final List<String> RUNTIME_PROVIDED = List.of("connect-api-", "connect-json-", "connect-runtime-",
            "connect-transforms-", "kafka-clients-", "slf4j-", "log4j-", "reload4j-", "logback-");

    private final Path module = ProjectLayout.currentModule();
    private ConnectCluster cluster;
    private List<PluginClass> declared;

    @BeforeAll
    void startWorkerWithThePackagedPlugin() {
        declared = PluginClass.declaredIn(module.resolve("target/classes/META-INF/services"));
        assertThat(declared).as("plugin classes declared by %s", module.getFileName()).isNotEmpty();
        cluster = ConnectCluster.builder().pluginDirectory(ProjectLayout.pluginDirectory(module)).start();
    }

    @AfterAll
    void stopWorker() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void pluginClassesAreNotOnTheTestClasspath() {
        // Otherwise the worker could find them there and this test would pass without a working archive.
        for (PluginClass plugin : declared) {
            assertThatThrownBy(() -> Class.forName(plugin.className(), false, getClass().getClassLoader()))
                    .as("%s must load only from plugin.path", plugin.className())
                    .isInstanceOf(ClassNotFoundException.class);
        }
    }

    @Test
    void workerListsEveryDeclaredPluginWithTheProjectVersion() {
        Map<String, PluginInfo> listed = cluster.plugins().stream()
                .collect(Collectors.toMap(PluginInfo::className, Function.identity(), (a, b) -> a));
        String version = System.getProperty("tributary.project.version");
        for (PluginClass plugin : declared) {
            assertThat(listed).as("GET /connector-plugins?connectorsOnly=false").containsKey(plugin.className());
            assertThat(listed.get(plugin.className()).version()).as(plugin.className()).isEqualTo(version);
        }
    }

    @Test
    void connectorValidationNamesEveryMissingRequiredKey() {
        List<PluginClass> connectors = connectors();
        assumeFalse(connectors.isEmpty(), "no connectors in this module");
        for (PluginClass connector : connectors) {
            Map<String, String> config = minimalConfig(connector);
            List<String> required = new ArrayList<>();
            definitions(connector).forEach(key -> {
                String name = key.path("name").asText();
                if (key.path("required").asBoolean() && !config.containsKey(name)) {
                    required.add(name);
                }
            });
            JsonNode validation = ConnectCluster.json(cluster.put(validatePath(connector), config));
            assertThat(validation.path("error_count").asInt()).as("%s error_count", connector.className())
                    .isGreaterThanOrEqualTo(required.isEmpty() ? 0 : 1);
            for (String key : required) {
                assertThat(errorsOf(validation, key)).as("validation errors of required key '%s'", key)
                        .isNotEmpty()
                        .allSatisfy(message -> assertThat(message).isNotBlank());
            }
        }
    }

    @Test
    void restNeverEchoesPasswords() {
        List<PluginClass> connectors = connectors();
        assumeFalse(connectors.isEmpty(), "no connectors in this module");
        for (PluginClass connector : connectors) {
            Map<String, String> config = new LinkedHashMap<>(minimalConfig(connector));
            String canary = "canary-" + UUID.randomUUID();
            definitions(connector).forEach(key -> {
                if ("PASSWORD".equals(key.path("type").asText())) {
                    config.put(key.path("name").asText(), canary);
                }
            });
            assumeTrue(config.containsValue(canary), connector.className() + " has no password keys");
            ConnectCluster.RestResponse response = cluster.put(validatePath(connector), config);
            assertThat(response.body()).as("validate answer for %s", connector.className()).doesNotContain(canary);
        }
    }

    private List<PluginClass> connectors() {
        return declared.stream().filter(p -> p.kind() == PluginKind.SOURCE || p.kind() == PluginKind.SINK).toList();
    }

    private JsonNode definitions(PluginClass plugin) {
        ConnectCluster.RestResponse response = cluster.get("connector-plugins/" + plugin.className() + "/config");
        assertThat(response.status()).as("GET config of %s: %s", plugin.className(), response.body()).isEqualTo(200);
        return ConnectCluster.json(response);
    }

    private static String validatePath(PluginClass connector) {
        return "connector-plugins/" + connector.className() + "/config/validate";
    }

    private static Map<String, String> minimalConfig(PluginClass connector) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", connector.className());
        config.put("name", "contract-" + connector.simpleName().toLowerCase(Locale.ROOT));
        if (connector.kind() == PluginKind.SINK) {
            config.put("topics", "contract-topic");
        }
        return config;
    }

    private static List<String> errorsOf(JsonNode validation, String key) {
        List<String> errors = new ArrayList<>();
        validation.path("configs").forEach(config -> {
            if (key.equals(config.path("value").path("name").asText())) {
                config.path("value").path("errors").forEach(error -> errors.add(error.asText()));
            }
        });
        return errors;
    }

    @Test
    void componentArchiveHasTheHubLayoutWithoutRuntimeProvidedJars() throws IOException {
        Path archive = ProjectLayout.componentArchive(module);
        String base = archive.getFileName().toString().replaceAll("\\.zip$", "") + "/";
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            List<String> names = Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
            assertThat(names).allMatch(n -> n.startsWith(base), "every entry under " + base);
            assertThat(names).contains(base + "manifest.json", base + "doc/README.md");
            assertThat(names).anyMatch(n -> n.startsWith(base + "etc/") && !n.endsWith("/"));
            assertThat(names).anyMatch(n -> n.matches(base + "lib/" + module.getFileName() + "-.*\\.jar"));
            for (PluginClass plugin : declared) {
                assertThat(names).contains(base + "doc/" + plugin.simpleName() + ".md");
            }
            List<String> jars = names.stream().filter(n -> n.startsWith(base + "lib/") && n.endsWith(".jar"))
                    .map(n -> n.substring((base + "lib/").length())).toList();
            assertThat(jars).noneMatch(jar -> RUNTIME_PROVIDED.stream().anyMatch(jar::startsWith));

            String manifest = new String(zip.getInputStream(zip.getEntry(base + "manifest.json")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(manifest).contains("\"version\": \"" + System.getProperty("tributary.project.version") + "\"",
                    "\"license\"", "\"documentation_url\"", "\"title\"", "\"description\"");
            for (PluginClass plugin : declared) {
                assertThat(manifest).contains("\"" + plugin.kind().componentType() + "\"");
            }
        }
    }
}
