package io.tributary.build;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of Connect plugin a module can declare in {@code META-INF/services}, with their Confluent Hub names. */
public enum PluginKind {
    SOURCE("org.apache.kafka.connect.source.SourceConnector", "source"),
    SINK("org.apache.kafka.connect.sink.SinkConnector", "sink"),
    TRANSFORM("org.apache.kafka.connect.transforms.Transformation", "transform"),
    PREDICATE("org.apache.kafka.connect.transforms.predicates.Predicate", "transform"),
    CONVERTER("org.apache.kafka.connect.storage.Converter", "converter"),
    HEADER_CONVERTER("org.apache.kafka.connect.storage.HeaderConverter", "converter"),
    CONFIG_PROVIDER("org.apache.kafka.common.config.provider.ConfigProvider", "config-provider");

    private final String serviceInterface;
    private final String componentType;

    PluginKind(String serviceInterface, String componentType) {
        this.serviceInterface = serviceInterface;
        this.componentType = componentType;
    }

    public String serviceInterface() {
        return serviceInterface;
    }

    /** The {@code component_types} entry of a Confluent Hub manifest. */
    public String componentType() {
        return componentType;
    }

    public static Optional<PluginKind> forServiceFile(String fileName) {
        return Arrays.stream(values()).filter(k -> k.serviceInterface.equals(fileName)).findFirst();
    }
}
