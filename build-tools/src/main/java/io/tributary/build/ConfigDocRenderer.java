package io.tributary.build;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;
import org.apache.kafka.common.config.types.Password;

/** Renders a plugin's {@link ConfigDef} as a Markdown configuration reference, grouped and ordered as declared. */
public final class ConfigDocRenderer {

    private ConfigDocRenderer() {
    }

    public static String render(PluginClass plugin, String overview, ConfigDef def) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(plugin.simpleName()).append("\n\n");
        out.append("`").append(plugin.className()).append("` — ").append(plugin.kind().componentType()).append("\n\n");
        if (overview != null && !overview.isBlank()) {
            out.append(overview.strip()).append("\n\n");
        }
        if (def.configKeys().isEmpty()) {
            out.append("This plugin has no configuration keys.\n");
            return out.toString();
        }
        for (Map.Entry<String, List<ConfigKey>> group : byGroup(def).entrySet()) {
            out.append("## ").append(group.getKey()).append("\n\n");
            for (ConfigKey key : group.getValue()) {
                out.append("### `").append(key.name).append("`\n\n");
                out.append(escape(key.documentation)).append("\n\n");
                out.append("- Type: ").append(key.type.toString().toLowerCase()).append('\n');
                out.append("- Default: ").append(defaultOf(key)).append('\n');
                if (key.validator != null) {
                    out.append("- Valid values: ").append(escape(key.validator.toString())).append('\n');
                }
                out.append("- Importance: ").append(key.importance.toString().toLowerCase()).append("\n\n");
            }
        }
        return out.toString();
    }

    private static Map<String, List<ConfigKey>> byGroup(ConfigDef def) {
        Map<String, List<ConfigKey>> groups = new LinkedHashMap<>();
        for (String group : def.groups()) {
            groups.put(group, new ArrayList<>());
        }
        for (ConfigKey key : def.configKeys().values()) {
            String group = key.group == null || key.group.isBlank() ? "Other" : key.group;
            groups.computeIfAbsent(group, g -> new ArrayList<>()).add(key);
        }
        groups.values().removeIf(List::isEmpty);
        groups.values().forEach(keys -> keys.sort(Comparator.comparingInt((ConfigKey k) -> k.orderInGroup)
                .thenComparing(k -> k.name)));
        return groups;
    }

    private static String defaultOf(ConfigKey key) {
        if (!key.hasDefault()) {
            return "none (required)";
        }
        Object value = key.defaultValue;
        if (value == null) {
            return "null";
        }
        if (value instanceof Password) {
            return "(hidden)";
        }
        String text = value instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf).toList())
                : String.valueOf(value);
        return text.isEmpty() ? "\"\"" : "`" + text + "`";
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("<", "&lt;").replace(">", "&gt;");
    }
}
