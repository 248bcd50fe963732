package io.tributary.build;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The {@code manifest.json} of a Confluent Hub component archive. */
public record ComponentManifest(String name, String version, String title, String description,
                                String documentationUrl, List<PluginClass> plugins) {

    public static final String OWNER = "tributary";
    public static final String LICENSE = "Apache License 2.0";
    public static final String LICENSE_URL = "https://www.apache.org/licenses/LICENSE-2.0";

    public Set<String> componentTypes() {
        Set<String> types = new LinkedHashSet<>();
        plugins.forEach(p -> types.add(p.kind().componentType()));
        return types;
    }

    public String toJson() {
        StringBuilder out = new StringBuilder("{\n");
        field(out, "name", name).append(",\n");
        field(out, "version", version).append(",\n");
        field(out, "title", title).append(",\n");
        field(out, "description", description).append(",\n");
        out.append("  \"owner\": {\"username\": ").append(quote(OWNER)).append(", \"name\": \"Tributary\"},\n");
        out.append("  \"component_types\": [");
        out.append(String.join(", ", componentTypes().stream().map(ComponentManifest::quote).toList()));
        out.append("],\n");
        out.append("  \"license\": [{\"name\": ").append(quote(LICENSE)).append(", \"url\": ")
                .append(quote(LICENSE_URL)).append("}],\n");
        field(out, "documentation_url", documentationUrl).append(",\n");
        out.append("  \"features\": {\"supported_encodings\": [\"any\"], \"single_message_transforms\": true},\n");
        out.append("  \"requirements\": [\"Kafka Connect 3.6 or later, Java 17 or later\"],\n");
        out.append("  \"plugins\": [");
        out.append(String.join(", ", plugins.stream().map(p -> "{\"class\": " + quote(p.className())
                + ", \"type\": " + quote(p.kind().componentType()) + "}").toList()));
        out.append("]\n}\n");
        return out.toString();
    }

    private static StringBuilder field(StringBuilder out, String key, String value) {
        return out.append("  ").append(quote(key)).append(": ").append(quote(value));
    }

    static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
