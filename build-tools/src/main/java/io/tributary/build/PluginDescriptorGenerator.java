package io.tributary.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a plugin module's {@code manifest.json} and {@code doc/} from its plugin classes, at package time.
 * Fails the build when a plugin's {@code ConfigDef} breaks the {@link ConfigDefAudit} rules, so undocumented keys
 * never ship.
 */
public final class PluginDescriptorGenerator {

    private PluginDescriptorGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = parse(args);
        Path servicesDir = Paths.get(required(options, "services-dir"));
        Path outputDir = Paths.get(required(options, "output-dir"));
        ClassLoader loader = Thread.currentThread().getContextClassLoader();

        List<PluginClass> plugins = PluginClass.declaredIn(servicesDir);
        if (plugins.isEmpty()) {
            throw new IllegalStateException("No plugin classes declared under " + servicesDir);
        }
        List<String> problems = new ArrayList<>();
        Path docDir = Files.createDirectories(outputDir.resolve("doc"));
        StringBuilder index = new StringBuilder("# " + options.get("title") + " " + options.get("version")
                + "\n\n" + options.getOrDefault("description", "") + "\n\n| Plugin | Type |\n|---|---|\n");
        for (PluginClass plugin : plugins) {
            var def = plugin.configDef(loader);
            problems.addAll(ConfigDefAudit.problems(plugin.className(), def));
            String doc = ConfigDocRenderer.render(plugin, plugin.overview(loader).orElse(null), def);
            Files.writeString(docDir.resolve(plugin.simpleName() + ".md"), doc, StandardCharsets.UTF_8);
            index.append("| [").append(plugin.className()).append("](").append(plugin.simpleName())
                    .append(".md) | ").append(plugin.kind().componentType()).append(" |\n");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Configuration definitions break the documentation rules:\n  "
                    + String.join("\n  ", problems));
        }
        Files.writeString(docDir.resolve("README.md"), index.toString(), StandardCharsets.UTF_8);

        ComponentManifest manifest = new ComponentManifest(required(options, "name"), required(options, "version"),
                options.get("title"), options.get("description"), options.get("documentation-url"), plugins);
        Files.writeString(outputDir.resolve("manifest.json"), manifest.toJson(), StandardCharsets.UTF_8);
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("Expected --key=value, got " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return options;
    }

    private static String required(Map<String, String> options, String key) {
        String value = options.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + key + " is required");
        }
        return value;
    }
}
