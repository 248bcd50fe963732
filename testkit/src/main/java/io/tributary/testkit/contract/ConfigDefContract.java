package io.tributary.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.build.ConfigDefAudit;
import io.tributary.build.PluginClass;
import io.tributary.testkit.ProjectLayout;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.components.Versioned;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Rules every plugin class of a module keeps, checked on the classes the module declares in its
 * {@code META-INF/services}: a documented, typed, grouped, validated {@code ConfigDef}, and the project's version.
 * A plugin module inherits it with an empty subclass named {@code *Test}.
 */
public abstract class ConfigDefContract {

    protected List<PluginClass> declaredPlugins() {
        Path services = ProjectLayout.currentModule().resolve("target/classes/META-INF/services");
        List<PluginClass> plugins = PluginClass.declaredIn(services);
        assertThat(plugins).as("plugin classes declared in %s", services).isNotEmpty();
        return plugins;
    }

    @TestFactory
    List<DynamicTest> everyConfigKeyIsDocumentedTypedGroupedAndValidated() {
        return declaredPlugins().stream().map(plugin -> DynamicTest.dynamicTest(plugin.simpleName(), () -> {
            ConfigDef def = plugin.configDef(getClass().getClassLoader());
            assertThat(ConfigDefAudit.problems(plugin.className(), def)).isEmpty();
        })).toList();
    }

    @TestFactory
    List<DynamicTest> everyPluginReportsTheProjectVersion() {
        String expected = System.getProperty("tributary.project.version");
        return declaredPlugins().stream().map(plugin -> DynamicTest.dynamicTest(plugin.simpleName(), () -> {
            Object instance = plugin.load(getClass().getClassLoader()).getDeclaredConstructor().newInstance();
            assertThat(instance).as("%s implements Versioned", plugin.className()).isInstanceOf(Versioned.class);
            String version = ((Versioned) instance).version();
            assertThat(version).isNotBlank().doesNotContain("$");
            if (expected != null) {
                assertThat(version).isEqualTo(expected);
            }
        })).toList();
    }
}
