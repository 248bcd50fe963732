package io.tributary.build;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.junit.jupiter.api.Test;

class ConfigDocRendererTest {

    private final PluginClass plugin = new PluginClass(PluginKind.SINK, "io.example.ExampleSinkConnector");

    @Test
    void rendersKeysByGroupInDeclaredOrderWithDefaultsAndValidators() {
        ConfigDef def = new ConfigDef()
                .define("flush.size", Type.INT, 1000, ConfigDef.Range.atLeast(1), Importance.HIGH,
                        "Records per object.", "Rotation", 2, Width.SHORT, "Flush size")
                .define("bucket", Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                        Importance.HIGH, "The <bucket> to write to.", "Storage", 1, Width.LONG, "Bucket")
                .define("rotate.interval.ms", Type.LONG, -1L, ConfigDef.Range.atLeast(-1), Importance.MEDIUM,
                        "Record-time span of one object.", "Rotation", 1, Width.SHORT, "Rotate interval")
                .define("password", Type.PASSWORD, null, Importance.HIGH, "Secret key.", "Storage", 2,
                        Width.SHORT, "Password");

        String doc = ConfigDocRenderer.render(plugin, "Writes things.", def);

        assertThat(doc).startsWith("# ExampleSinkConnector\n\n`io.example.ExampleSinkConnector` — sink\n\nWrites things.");
        assertThat(doc.indexOf("## Rotation")).isLessThan(doc.indexOf("## Storage"));
        assertThat(doc.indexOf("`rotate.interval.ms`")).isLessThan(doc.indexOf("`flush.size`"));
        assertThat(doc).contains("The &lt;bucket&gt; to write to.\n\n- Type: string\n- Default: none (required)\n"
                + "- Valid values: non-empty string\n- Importance: high");
        assertThat(doc).contains("- Default: `1000`\n- Valid values: [1,...]");
        assertThat(doc).contains("### `password`\n\nSecret key.\n\n- Type: password\n- Default: null\n");
    }

    @Test
    void saysWhenThereIsNothingToConfigure() {
        assertThat(ConfigDocRenderer.render(plugin, null, new ConfigDef()))
                .endsWith("This plugin has no configuration keys.\n");
    }
}
