package io.tributary.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class EnumParserTest {

    enum Mode { DROP, REWRITE_WITH_TOMBSTONE }

    @Test
    void configValueIsLowerCaseWithHyphens() {
        assertThat(EnumParser.KEBAB.configValue(Mode.REWRITE_WITH_TOMBSTONE)).isEqualTo("rewrite-with-tombstone");
        assertThat(EnumParser.KEBAB.configValues(Mode.class)).containsExactly("drop", "rewrite-with-tombstone");
    }

    @Test
    void parseIgnoresCaseAndSurroundingBlanks() {
        assertThat(EnumParser.KEBAB.parse(Mode.class, "mode", "drop")).isEqualTo(Mode.DROP);
        assertThat(EnumParser.KEBAB.parse(Mode.class, "mode", " Rewrite-With-TOMBSTONE ")).isEqualTo(Mode.REWRITE_WITH_TOMBSTONE);
    }

    @Test
    void parseRejectsUnknownValuesNamingKeyValueAndChoices() {
        assertThatThrownBy(() -> EnumParser.KEBAB.parse(Mode.class, "my.mode", "rewrite_with_tombstone"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("my.mode")
                .hasMessageContaining("rewrite_with_tombstone")
                .hasMessageContaining("drop, rewrite-with-tombstone");
        assertThatThrownBy(() -> EnumParser.KEBAB.parse(Mode.class, "my.mode", null))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("my.mode");
    }

    @Test
    void validatorAcceptsWhatParseAccepts() {
        ConfigDef.Validator validator = EnumParser.KEBAB.validator(Mode.class);
        validator.ensureValid("my.mode", "DROP");
        validator.ensureValid("my.mode", "rewrite-with-tombstone");
        assertThatThrownBy(() -> validator.ensureValid("my.mode", "keep"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("my.mode");
    }

    @Test
    void recommenderOffersEveryValue() {
        ConfigDef.Recommender recommender = EnumParser.KEBAB.recommender(Mode.class);
        assertThat(recommender.validValues("my.mode", Map.of())).containsExactly("drop", "rewrite-with-tombstone");
        assertThat(recommender.visible("my.mode", Map.of())).isTrue();
    }

    @Test
    void worksInsideAConfigDef() {
        ConfigDef def = new ConfigDef().define("my.mode", ConfigDef.Type.STRING, "drop",
                EnumParser.KEBAB.validator(Mode.class), ConfigDef.Importance.LOW, "The mode.");
        AbstractConfig config = new AbstractConfig(def, Map.of("my.mode", "Rewrite-With-Tombstone"));
        assertThat(EnumParser.KEBAB.parse(Mode.class, "my.mode", config.getString("my.mode")))
                .isEqualTo(Mode.REWRITE_WITH_TOMBSTONE);
        assertThatThrownBy(() -> new AbstractConfig(def, Map.of("my.mode", "nope")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("my.mode");
    }

    @Test
    void snakeCaseSpellsAndReadsValuesAsDebeziumDoes() {
        assertThat(EnumParser.SNAKE.configValues(Mode.class)).containsExactly("drop", "rewrite_with_tombstone");
        assertThat(EnumParser.SNAKE.parse(Mode.class, "mode", "REWRITE_with_tombstone"))
                .isEqualTo(Mode.REWRITE_WITH_TOMBSTONE);
        assertThatThrownBy(() -> EnumParser.SNAKE.parse(Mode.class, "mode", "rewrite-with-tombstone"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("drop, rewrite_with_tombstone");
    }

    @Test
    void validatorAcceptsAliasesTheCallerMaps() {
        ConfigDef.Validator validator = EnumParser.SNAKE.validator(Mode.class, "never");
        validator.ensureValid("mode", "NEVER");
        validator.ensureValid("mode", "drop");
        assertThatThrownBy(() -> validator.ensureValid("mode", "sometimes")).isInstanceOf(ConfigException.class);
    }
}
