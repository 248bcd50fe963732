package io.tributary.benchmarks.s3;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.json.JsonConverterConfig;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.ConverterConfig;
import org.apache.kafka.connect.storage.ConverterType;

/** How the records travel through Kafka: the worker's value converter, and the same converter for the producer. */
public enum ValueFormat {
    /** {@link OrderPayloadConverter}: the bare JSON payload, schema out of band (as with a schema registry). */
    PAYLOAD(OrderPayloadConverter.class.getName(), Map.of()),
    /** Kafka's JsonConverter with {@code schemas.enable=true}: every record carries its schema. */
    JSON(JsonConverter.class.getName(), Map.of(JsonConverterConfig.SCHEMAS_ENABLE_CONFIG, "true"));

    private final String converterClass;
    private final Map<String, String> settings;

    ValueFormat(String converterClass, Map<String, String> settings) {
        this.converterClass = converterClass;
        this.settings = settings;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The worker properties that make this the value converter. */
    public void configureWorker(BiConsumer<String, String> workerProperty) {
        workerProperty.accept("value.converter", converterClass);
        settings.forEach((k, v) -> workerProperty.accept("value.converter." + k, v));
    }

    /** A configured value converter, for the producer. */
    public Converter converter() {
        Converter converter = this == PAYLOAD ? new OrderPayloadConverter() : new JsonConverter();
        Map<String, Object> config = new HashMap<>(settings);
        config.put(ConverterConfig.TYPE_CONFIG, ConverterType.VALUE.getName());
        converter.configure(config, false);
        return converter;
    }

    public static ValueFormat parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
