package io.tributary.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class VersionTest {

    @Test
    void getReturnsTheVersionMavenFilteredIn() {
        String expected = System.getProperty("tributary.project.version");
        assertThat(expected).as("surefire passes tributary.project.version").isNotBlank();
        assertThat(Version.get()).isEqualTo(expected);
    }

    @Test
    void readReturnsTheVersionProperty() throws IOException {
        assertThat(Version.read(stream("version=1.2.3\n"))).isEqualTo("1.2.3");
    }

    @Test
    void readReturnsUnknownForAnUnfilteredPlaceholder() throws IOException {
        assertThat(Version.read(stream("version=${project.version}\n"))).isEqualTo("unknown");
    }

    @Test
    void readReturnsUnknownForAMissingOrEmptyResource() throws IOException {
        assertThat(Version.read(null)).isEqualTo("unknown");
        assertThat(Version.read(stream("version=\n"))).isEqualTo("unknown");
        assertThat(Version.read(stream(""))).isEqualTo("unknown");
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
