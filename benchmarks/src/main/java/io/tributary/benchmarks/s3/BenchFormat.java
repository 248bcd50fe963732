package io.tributary.benchmarks.s3;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.kafka.connect.data.Struct;
import org.apache.parquet.schema.MessageType;

/** The object formats the throughput case compares: the sink's {@code format} value and the ceiling's encoder. */
public enum BenchFormat {
    JSONL("jsonl") {
        @Override
        byte[] encode(List<Struct> values) {
            return JsonLinesEncoder.encode(values);
        }
    },
    PARQUET("parquet") {
        private final MessageType type = ParquetEncoder.messageType(BenchRecords.SCHEMA);
        private final Set<String> plainColumns = ParquetEncoder.plainColumns(
                System.getProperty("ceiling.parquet.plain.columns", ""));

        @Override
        byte[] encode(List<Struct> values) {
            return ParquetEncoder.encode(type, plainColumns, values);
        }
    };

    private final String configValue;

    BenchFormat(String configValue) {
        this.configValue = configValue;
    }

    /** The sink's {@code format}, also the figure prefix and the ceiling's file extension. */
    public String configValue() {
        return configValue;
    }

    /** One object holding {@code values}, as the ceiling uploads it. */
    abstract byte[] encode(List<Struct> values);

    public static BenchFormat parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
