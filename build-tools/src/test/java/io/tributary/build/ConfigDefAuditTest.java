package io.tributary.build;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.junit.jupiter.api.Test;

class ConfigDefAuditTest {

    @Test
    void acceptsDocumentedGroupedValidatedKeys() {
        ConfigDef def = new ConfigDef()
                .define("batch.size", Type.INT, 100, ConfigDef.Range.atLeast(1), Importance.HIGH,
                        "Records per batch sent downstream.", "Tuning", 1, Width.SHORT, "Batch size")
                .define("enabled", Type.BOOLEAN, true, Importance.LOW,
                        "Whether the feature is on at all.", "Tuning", 2, Width.SHORT, "Enabled")
                .define("secret", Type.PASSWORD, null, Importance.HIGH,
                        "The password used to log in.", "Connection", 1, Width.MEDIUM, "Secret");

        assertThat(ConfigDefAudit.problems("Plugin", def)).isEmpty();
    }

    @Test
    void namesEveryKeyThatBreaksARule() {
        ConfigDef def = new ConfigDef()
                .define("undocumented", Type.STRING, "x", ConfigDef.CompositeValidator.of(), Importance.LOW, "")
                .define("unvalidated", Type.LONG, 5L, Importance.LOW, "A long value that nothing checks.")
                .define("ungrouped", Type.BOOLEAN, false, Importance.LOW, "A flag that has no group at all.")
                .define("password", Type.PASSWORD, "hunter2", Importance.LOW, "A password with a default value.",
                        "Connection", 1, Width.SHORT, "Password");

        assertThat(ConfigDefAudit.problems("Plugin", def)).containsExactlyInAnyOrder(
                "Plugin: key 'undocumented' has no documentation",
                "Plugin: key 'undocumented' has no group",
                "Plugin: key 'unvalidated' has no group",
                "Plugin: key 'unvalidated' (LONG) has no validator",
                "Plugin: key 'ungrouped' has no group",
                "Plugin: key 'password' is a password with a default value");
    }
}
