package io.tributary.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Connector;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.HeaderConverter;
import org.apache.kafka.connect.transforms.Transformation;
import org.apache.kafka.connect.transforms.predicates.Predicate;

/** One plugin class declared in a module's {@code META-INF/services}, and what can be read from it without running it. */
public record PluginClass(PluginKind kind, String className) {

    /** Every plugin class declared under {@code servicesDir}, in a stable order. */
    public static List<PluginClass> declaredIn(Path servicesDir) {
        if (!Files.isDirectory(servicesDir)) {
            return List.of();
        }
        List<PluginClass> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(servicesDir)) {
            for (Path file : files.sorted().toList()) {
                Optional<PluginKind> kind = PluginKind.forServiceFile(file.getFileName().toString());
                if (kind.isEmpty()) {
                    continue;
                }
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String name = line.replaceAll("#.*", "").trim();
                    if (!name.isEmpty()) {
                        found.add(new PluginClass(kind.get(), name));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + servicesDir, e);
        }
        found.sort(Comparator.comparing(PluginClass::className));
        return found;
    }

    public String simpleName() {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    public Class<?> load(ClassLoader loader) {
        try {
            return Class.forName(className, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(kind.serviceInterface() + " names " + className
                    + ", which is not on the classpath", e);
        }
    }

    /** The plugin's {@link ConfigDef}, from a fresh instance, as the Connect worker obtains it. */
    public ConfigDef configDef(ClassLoader loader) {
        Object instance = newInstance(loader);
        if (instance instanceof Connector connector) {
            return connector.config();
        } else if (instance instanceof Transformation<?> transformation) {
            return transformation.config();
        } else if (instance instanceof Predicate<?> predicate) {
            return predicate.config();
        } else if (instance instanceof Converter converter) {
            return converter.config();
        } else if (instance instanceof HeaderConverter converter) {
            return converter.config();
        }
        return new ConfigDef();
    }

    /** The class's public static {@code OVERVIEW_DOC}, the convention Kafka's transforms follow, if it has one. */
    public Optional<String> overview(ClassLoader loader) {
        try {
            Field field = load(loader).getField("OVERVIEW_DOC");
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                return Optional.ofNullable((String) field.get(null));
            }
        } catch (NoSuchFieldException | IllegalAccessException e) {
            // no overview: fine
        }
        return Optional.empty();
    }

    private Object newInstance(ClassLoader loader) {
        try {
            return load(loader).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(className + " needs a public no-argument constructor, as Connect does", e);
        }
    }
}
