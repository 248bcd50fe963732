package io.tributary.cdc.types;

import static io.tributary.cdc.types.PgTypeOids.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the Connect schema and value conversion of a column from its type and type modifier, with Debezium's
 * schemas so its consumers keep working; {@code time.precision.mode} and {@code binary.handling.mode} choose among
 * Debezium's representations of temporal and binary values. Types it does not know are emitted as their text form,
 * with one warning per type.
 */
public final class TypeMapper {

    private static final Logger log = LoggerFactory.getLogger(TypeMapper.class);
    private static final int DEFAULT_TIME_PRECISION = 6;

    private final TypeRegistry registry;
    private final DecimalHandlingMode decimalHandling;
    private final TemporalConverters temporals;
    private final BinaryHandlingMode binaryHandling;
    private final Set<Integer> warnedTypes = ConcurrentHashMap.newKeySet();

    /** With Debezium's default time and binary representations ({@code adaptive}, {@code bytes}). */
    public TypeMapper(TypeRegistry registry, DecimalHandlingMode decimalHandling) {
        this(registry, decimalHandling, TimePrecisionMode.ADAPTIVE, BinaryHandlingMode.BYTES);
    }

    public TypeMapper(TypeRegistry registry, DecimalHandlingMode decimalHandling, TimePrecisionMode timePrecision,
            BinaryHandlingMode binaryHandling) {
        this.registry = registry;
        this.decimalHandling = decimalHandling;
        this.temporals = new TemporalConverters(timePrecision);
        this.binaryHandling = binaryHandling;
    }

    public ValueConverter converter(int typeOid, int typeModifier, boolean optional) {
        PgType type = registry.get(typeOid);
        if (type == null) {
            return unknown(typeOid, "type " + typeOid, optional);
        }
        return switch (type.category()) {
            case DOMAIN -> converter(type.baseOid(), typeModifier, optional);
            case ENUM -> simple(build(SchemaBuilder.string().name(LogicalTypes.ENUM).version(1)
                    .parameter(LogicalTypes.ENUM_ALLOWED, String.join(",", type.labels())), optional),
                    Function.identity());
            case ARRAY -> array(type, optional);
            case BASE -> base(type, typeModifier, optional);
            case OTHER -> unknown(typeOid, type.qualifiedName(), optional);
        };
    }

    private ValueConverter base(PgType type, int typeModifier, boolean optional) {
        return switch (type.oid()) {
            case INT2 -> simple(build(SchemaBuilder.int16(), optional), Short::valueOf);
            case INT4 -> simple(build(SchemaBuilder.int32(), optional), Integer::valueOf);
            case INT8, OID -> simple(build(SchemaBuilder.int64(), optional), Long::valueOf);
            case FLOAT4 -> simple(build(SchemaBuilder.float32(), optional), Float::valueOf);
            case FLOAT8 -> simple(build(SchemaBuilder.float64(), optional), Double::valueOf);
            case NUMERIC -> NumericConverters.forNumeric(typeModifier, decimalHandling, optional);
            case BOOL -> simple(build(SchemaBuilder.bool(), optional), text -> text.equals("t"));
            case TEXT, VARCHAR, BPCHAR, NAME, CHAR -> simple(build(SchemaBuilder.string(), optional),
                    Function.identity());
            case BYTEA -> binaryHandling == BinaryHandlingMode.BYTES
                    ? simple(build(SchemaBuilder.bytes(), optional), ByteaText::decode)
                    : simple(build(SchemaBuilder.string(), optional), binaryHandling.fromText());
            case DATE -> temporals.date(optional);
            case TIME -> temporals.time(typeModifier, optional);
            case TIMESTAMP -> temporals.timestamp(typeModifier, optional);
            case TIMESTAMPTZ -> zonedTimestamp(typeModifier, optional);
            case TIMETZ -> simple(build(SchemaBuilder.string().name(LogicalTypes.ZONED_TIME).version(1), optional),
                    TemporalText::isoTimeUtc);
            case UUID -> simple(build(SchemaBuilder.string().name(LogicalTypes.UUID).version(1), optional),
                    Function.identity());
            case JSON, JSONB -> simple(build(SchemaBuilder.string().name(LogicalTypes.JSON).version(1), optional),
                    Function.identity());
            case INTERVAL -> simple(build(SchemaBuilder.int64().name(LogicalTypes.MICRO_DURATION).version(1),
                    optional), IntervalText::micros);
            case INET, CIDR, MACADDR, MACADDR8 -> simple(build(SchemaBuilder.string(), optional), Function.identity());
            case MONEY -> NumericConverters.forMoney(decimalHandling, optional);
            case XML -> simple(build(SchemaBuilder.string().name(LogicalTypes.XML).version(1), optional),
                    Function.identity());
            default -> unknown(type.oid(), type.qualifiedName(), optional);
        };
    }

    /** ISO-8601 in UTC with exactly the column's fractional digits (6 when undeclared), as Debezium prints it. */
    private static ValueConverter zonedTimestamp(int precision, boolean optional) {
        int digits = precision < 0 ? DEFAULT_TIME_PRECISION : precision;
        return simple(build(SchemaBuilder.string().name(LogicalTypes.ZONED_TIMESTAMP).version(1), optional),
                text -> TemporalText.isoUtc(text, digits));
    }

    private ValueConverter array(PgType type, boolean optional) {
        ValueConverter element = converter(type.elementOid(), -1, true);
        Schema schema = build(SchemaBuilder.array(element.schema()), optional);
        String name = type.qualifiedName();
        Set<Integer> warned = warnedTypes;
        // Debezium reads time arrays through java.sql.Time, where 24:00:00 is the next day's midnight: 00:00:00.
        boolean wrapsMidnight = type.elementOid() == TIME;
        return simple(schema, text -> {
            List<String> texts;
            try {
                texts = ArrayText.elements(text);
            } catch (IllegalArgumentException e) {
                if (warned.add(type.oid())) {
                    log.warn("A value of {} is emitted as null: {}", name, e.getMessage());
                }
                return null;
            }
            List<Object> values = new ArrayList<>(texts.size());
            for (String each : texts) {
                values.add(element.convert(wrapsMidnight && each != null && each.startsWith("24:00:00")
                        ? "00:00:00" : each));
            }
            return values;
        });
    }

    private ValueConverter unknown(int oid, String name, boolean optional) {
        if (warnedTypes.add(oid)) {
            log.warn("Columns of type {} (oid {}) are emitted as their text form (string); this connector has no "
                    + "mapping for the type yet", name, oid);
        }
        return simple(build(SchemaBuilder.string(), optional), Function.identity());
    }

    static Schema build(SchemaBuilder builder, boolean optional) {
        return optional ? builder.optional().build() : builder.build();
    }

    static ValueConverter simple(Schema schema, Function<String, ?> fromText) {
        return new ValueConverter() {
            @Override
            public Schema schema() {
                return schema;
            }

            @Override
            public Object convert(String text) {
                return text == null ? null : fromText.apply(text);
            }
        };
    }
}
