package io.tributary.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ComponentManifestTest {

    @Test
    void listsEachComponentTypeOnceAndEscapesText() {
        ComponentManifest manifest = new ComponentManifest("tributary-transforms", "1.0.0", "Transforms",
                "Says \"hi\"\nthen stops", "https://example.org/docs", List.of(
                        new PluginClass(PluginKind.TRANSFORM, "a.B"),
                        new PluginClass(PluginKind.PREDICATE, "a.C"),
                        new PluginClass(PluginKind.SOURCE, "a.D")));

        assertThat(manifest.componentTypes()).containsExactly("transform", "source");
        String json = manifest.toJson();
        assertThat(json).contains("\"name\": \"tributary-transforms\"", "\"version\": \"1.0.0\"",
                "\"description\": \"Says \\\"hi\\\"\\nthen stops\"", "\"component_types\": [\"transform\", \"source\"]",
                "\"documentation_url\": \"https://example.org/docs\"", "{\"class\": \"a.D\", \"type\": \"source\"}");
    }
}
