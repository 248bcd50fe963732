package io.tributary.s3.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import io.tributary.s3.format.Compression;
import io.tributary.s3.format.FormatType;
import io.tributary.s3.format.ParquetCodec;
import io.tributary.s3.format.TimestampUnit;

class S3SinkConnectorConfigTest {

    private static Map<String, String> minimal() {
        Map<String, String> props = new HashMap<>();
        props.put("s3.bucket.name", "lake");
        props.put("flush.size", "100");
        return props;
    }

    private static S3SinkConnectorConfig config(Map<String, String> props) {
        return new S3SinkConnectorConfig(props);
    }

    @Test
    void defaults() {
        S3SinkConnectorConfig config = config(minimal());

        assertThat(config.bucket()).isEqualTo("lake");
        assertThat(config.region()).isEqualTo("us-east-1");
        assertThat(config.storeUrl()).isEmpty();
        assertThat(config.topicsDir()).isEqualTo("topics");
        assertThat(config.pathTemplate()).hasToString("dt=yyyy-MM-dd/hour=HH");
        assertThat(config.timestampSource()).isEqualTo(TimestampSource.RECORD);
        assertThat(config.zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(config.format()).isEqualTo(FormatType.JSONL);
        assertThat(config.compression()).isEqualTo(Compression.NONE);
        assertThat(config.rotateIntervalMs()).isEqualTo(-1);
        assertThat(config.rotateScheduleIntervalMs()).isEqualTo(-1);
        assertThat(config.nullValues()).isEqualTo(NullValueBehavior.IGNORE);
        assertThat(config.secretAccessKey()).isEmpty();
    }

    @Test
    void rotateSizeBytesIsOffByDefaultAndTakesMinusOneOrAtLeastOneKibibyte() {
        Map<String, String> props = minimal();
        assertThat(config(props).rotateSizeBytes()).isEqualTo(-1);

        props.put("rotate.size.bytes", "67108864");
        assertThat(config(props).rotateSizeBytes()).isEqualTo(64L * 1024 * 1024);
        props.put("rotate.size.bytes", "1023");
        assertThatThrownBy(() -> config(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("rotate.size.bytes").hasMessageContaining("-1 or at least 1024");
        props.put("rotate.size.bytes", "0");
        assertThatThrownBy(() -> config(props)).isInstanceOf(ConfigException.class);
    }

    @Test
    void bufferMemoryDefaultsToASixteenthOfTheHeapBetweenFourAndOneHundredTwentyEightMebibytes() {
        long mib = 1024L * 1024;
        S3SinkConnectorConfig defaults = config(minimal());

        assertThat(defaults.bufferMemoryBytes(2048 * mib)).as("connect-distributed.sh's -Xmx2G").isEqualTo(128 * mib);
        assertThat(defaults.bufferMemoryBytes(1024 * mib)).isEqualTo(64 * mib);
        assertThat(defaults.bufferMemoryBytes(8192 * mib)).isEqualTo(128 * mib);
        assertThat(defaults.bufferMemoryBytes(32 * mib)).isEqualTo(4 * mib);

        Map<String, String> props = minimal();
        props.put("buffer.memory.bytes", Long.toString(300 * mib));
        assertThat(config(props).bufferMemoryBytes(1024 * mib)).as("as set, whatever the heap").isEqualTo(300 * mib);
        props.put("buffer.memory.bytes", "1000");
        assertThatThrownBy(() -> config(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("buffer.memory.bytes");
    }

    @Test
    void parquetKeysDefaultToSnappyAndMillisAndRejectUnknownValues() {
        Map<String, String> props = minimal();
        props.put("format", "PARQUET");

        assertThat(config(props).format()).isEqualTo(FormatType.PARQUET);
        assertThat(config(props).parquetCodec()).isEqualTo(ParquetCodec.SNAPPY);
        assertThat(config(props).parquetTimestampUnit()).isEqualTo(TimestampUnit.MILLIS);
        props.put("parquet.codec", "zstd");
        props.put("parquet.timestamp.unit", "Micros");
        assertThat(config(props).parquetCodec()).isEqualTo(ParquetCodec.ZSTD);
        assertThat(config(props).parquetTimestampUnit()).isEqualTo(TimestampUnit.MICROS);
        props.put("parquet.codec", "lz4");
        assertThatThrownBy(() -> config(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("parquet.codec");
        props.put("parquet.codec", "none");
        props.put("s3.compression.type", "gzip");
        assertThatThrownBy(() -> config(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("s3.compression.type").hasMessageContaining("parquet.codec");
    }

    @Test
    void readsConfluentSpellingsCaseInsensitively() {
        Map<String, String> props = minimal();
        props.put("timestamp.extractor", "recordfield");
        props.put("timestamp.field", "meta.ts");
        props.put("s3.compression.type", "ZSTD");
        props.put("store.url", "http://127.0.0.1:9000");
        props.put("aws.access.key.id", "AKIA");
        props.put("aws.secret.access.key", "secret");

        S3SinkConnectorConfig config = config(props);

        assertThat(config.timestampSource()).isEqualTo(TimestampSource.RECORD_FIELD);
        assertThat(config.compression()).isEqualTo(Compression.ZSTD);
        assertThat(config.storeUrl()).hasValueSatisfying(url -> assertThat(url.getPort()).isEqualTo(9000));
        assertThat(config.secretAccessKey()).hasValueSatisfying(p -> assertThat(p.value()).isEqualTo("secret"));
    }

    @Test
    void rejectsBadValuesNamingTheKey() {
        Map<String, Object> bad = Map.of(
                "s3.bucket.name", "Not_A_Bucket",
                "timezone", "Mars/Olympus",
                "path.format", "dt=yyyy//x",
                "rotate.interval.ms", "0",
                "store.url", "ftp://x",
                "timestamp.extractor", "Kafka",
                "s3.part.size", "1024",
                "locale", "!!");
        bad.forEach((key, value) -> {
            Map<String, String> props = minimal();
            props.put(key, String.valueOf(value));
            assertThatThrownBy(() -> config(props)).as(key).isInstanceOf(ConfigException.class)
                    .hasMessageContaining(key);
        });
    }

    @Test
    void crossFieldRulesNameTheKeyToFix() {
        Map<String, String> props = minimal();
        props.put("timestamp.extractor", "RecordField");
        assertThatThrownBy(() -> config(props)).hasMessageContaining("timestamp.field");

        Map<String, String> keyOnly = minimal();
        keyOnly.put("aws.access.key.id", "AKIA");
        assertThat(S3SinkConnectorConfig.withoutCrossFieldChecks(keyOnly).crossFieldProblems())
                .containsOnlyKeys("aws.secret.access.key");

        Map<String, String> fieldWithoutExtractor = minimal();
        fieldWithoutExtractor.put("timestamp.field", "ts");
        assertThat(S3SinkConnectorConfig.withoutCrossFieldChecks(fieldWithoutExtractor).crossFieldProblems())
                .containsOnlyKeys("timestamp.field");
    }

    @Test
    void flushSizeAndBucketAreRequired() {
        assertThatThrownBy(() -> config(Map.of("s3.bucket.name", "lake"))).hasMessageContaining("flush.size");
        assertThatThrownBy(() -> config(Map.of("flush.size", "1"))).hasMessageContaining("s3.bucket.name");
    }
}
