package io.tributary.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Pattern;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class ValidatorsTest {

    private static final Pattern NAME = Pattern.compile("[a-z]+(\\.[a-z]+)*");

    @Test
    void matchingAcceptsWholeMatchesOnly() {
        ConfigDef.Validator validator = Validators.matching(NAME, "a dotted lower-case name");
        assertThatCode(() -> validator.ensureValid("k", "source.table")).doesNotThrowAnyException();
        assertThatThrownBy(() -> validator.ensureValid("k", "source.table!"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("k")
                .hasMessageContaining("must be a dotted lower-case name");
        assertThatThrownBy(() -> validator.ensureValid("k", null)).isInstanceOf(ConfigException.class);
        assertThat(validator).hasToString("a dotted lower-case name");
    }

    @Test
    void listOfDistinctAcceptsEmptyAndValidLists() {
        ConfigDef.Validator validator = Validators.listOfDistinct(NAME, "a dotted lower-case name");
        assertThatCode(() -> validator.ensureValid("k", List.of())).doesNotThrowAnyException();
        assertThatCode(() -> validator.ensureValid("k", List.of("op", "source.lsn"))).doesNotThrowAnyException();
        assertThat(validator.toString()).contains("distinct").contains("a dotted lower-case name");
    }

    @Test
    void listOfDistinctRejectsBadAndRepeatedElements() {
        ConfigDef.Validator validator = Validators.listOfDistinct(NAME, "a dotted lower-case name");
        assertThatThrownBy(() -> validator.ensureValid("k", List.of("op", "Bad")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("k")
                .hasMessageContaining("'Bad' is invalid");
        assertThatThrownBy(() -> validator.ensureValid("k", List.of("op", "op")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'op' is listed more than once");
        assertThatThrownBy(() -> validator.ensureValid("k", "op"))
                .isInstanceOf(ConfigException.class);
    }

    @Test
    void listOfDistinctWorksWithParsedLists() {
        ConfigDef def = new ConfigDef().define("k", ConfigDef.Type.LIST, "",
                Validators.listOfDistinct(NAME, "a dotted lower-case name"), ConfigDef.Importance.LOW, "Names.");
        assertThat(def.parse(java.util.Map.of("k", " op , source.ts ")).get("k")).isEqualTo(List.of("op", "source.ts"));
        assertThatThrownBy(() -> def.parse(java.util.Map.of("k", "op,,x")))
                .isInstanceOf(ConfigException.class);
    }
}
