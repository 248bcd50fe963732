package io.tributary.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

/** Where the build put things: the project root, a module's directory, its packaged plugin directory and archive. */
public final class ProjectLayout {

    private ProjectLayout() {
    }

    /** The multi-module root: {@code -Dtributary.root.dir} (set by the build), else the nearest folder with .mvn. */
    public static Path root() {
        String configured = System.getProperty("tributary.root.dir");
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured).toAbsolutePath();
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(".mvn"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Cannot find the project root (a folder with .mvn) above "
                + Paths.get("").toAbsolutePath());
    }

    /** The module the test runs in (the build runs tests from the module's folder). */
    public static Path currentModule() {
        return Paths.get(System.getProperty("basedir", "")).toAbsolutePath();
    }

    public static Path module(String name) {
        Path dir = root().resolve(name);
        if (!Files.isRegularFile(dir.resolve("pom.xml"))) {
            throw new IllegalArgumentException("No module " + name + " under " + root());
        }
        return dir;
    }

    /** {@code <module>/target/plugin/tributary-<module>-<version>}, which the package phase writes. */
    public static Path pluginDirectory(Path module) {
        return single(module.resolve("target").resolve("plugin"), "tributary-" + module.getFileName() + "-");
    }

    /** {@code <module>/target/components/tributary-<module>-<version>.zip}, which the package phase writes. */
    public static Path componentArchive(Path module) {
        return single(module.resolve("target").resolve("components"), "tributary-" + module.getFileName() + "-");
    }

    private static Path single(Path dir, String prefix) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(dir + " does not exist: package the module first (./mvnw package)");
        }
        try (Stream<Path> entries = Files.list(dir)) {
            List<Path> matches = entries.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
            if (matches.size() != 1) {
                throw new IllegalStateException("Expected one " + prefix + "* in " + dir + ", found " + matches);
            }
            return matches.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
