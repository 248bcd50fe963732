package io.tributary.cdc.types;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.Function;

import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** NUMERIC columns under each {@link DecimalHandlingMode}. */
final class NumericConverters {

    private static final Logger log = LoggerFactory.getLogger(NumericConverters.class);
    private static final int VARHDRSZ = 4;
    private static final int MONEY_SCALE = 2;

    private NumericConverters() {
    }

    static ValueConverter forNumeric(int typeModifier, DecimalHandlingMode mode, boolean optional) {
        return switch (mode) {
            case DOUBLE -> TypeMapper.simple(optional(SchemaBuilder.float64(), optional), Double::parseDouble);
            case STRING -> TypeMapper.simple(optional(SchemaBuilder.string(), optional), Function.identity());
            case PRECISE -> typeModifier < 0 ? variableScale(optional) : fixedScale(typeModifier, optional);
        };
    }

    /**
     * MONEY, whose text form ({@code lc_monetary=C}) is {@code $1,234.56} or {@code -$1,234.56}: a Decimal of scale 2
     * as Debezium's default {@code money.fraction.digits}, or a double or the plain number as text.
     */
    static ValueConverter forMoney(DecimalHandlingMode mode, boolean optional) {
        Function<String, BigDecimal> parse = text -> new BigDecimal(text.replace("$", "").replace(",", ""));
        return switch (mode) {
            case DOUBLE -> TypeMapper.simple(optional(SchemaBuilder.float64(), optional),
                    text -> parse.apply(text).doubleValue());
            case STRING -> TypeMapper.simple(optional(SchemaBuilder.string(), optional),
                    text -> parse.apply(text).toPlainString());
            case PRECISE -> TypeMapper.simple(optional(Decimal.builder(MONEY_SCALE), optional),
                    text -> parse.apply(text).setScale(MONEY_SCALE, RoundingMode.UNNECESSARY));
        };
    }

    /** Precision of {@code numeric(p,s)} from its type modifier. */
    static int precision(int typeModifier) {
        return ((typeModifier - VARHDRSZ) >> 16) & 0xFFFF;
    }

    /** Scale of {@code numeric(p,s)}, which may be negative since PostgreSQL 15. */
    static int scale(int typeModifier) {
        return (((typeModifier - VARHDRSZ) & 0x7FF) ^ 1024) - 1024;
    }

    private static ValueConverter fixedScale(int typeModifier, boolean optional) {
        int scale = scale(typeModifier);
        Schema schema = optional(Decimal.builder(scale)
                .parameter(LogicalTypes.DECIMAL_PRECISION, String.valueOf(precision(typeModifier))), optional);
        return TypeMapper.simple(schema, text -> {
            BigDecimal value = exact(text);
            return value == null ? null : value.setScale(scale, RoundingMode.UNNECESSARY);
        });
    }

    private static ValueConverter variableScale(boolean optional) {
        Schema schema = optional(SchemaBuilder.struct().name(LogicalTypes.VARIABLE_SCALE_DECIMAL).version(1)
                .doc("Variable scaled decimal").field("scale", Schema.INT32_SCHEMA).field("value", Schema.BYTES_SCHEMA),
                optional);
        return TypeMapper.simple(schema, text -> {
            BigDecimal value = exact(text);
            return value == null ? null : new Struct(schema).put("scale", value.scale())
                    .put("value", value.unscaledValue().toByteArray());
        });
    }

    /** The exact value, or null (with a warning) for NaN and infinities, which a decimal cannot hold. */
    private static BigDecimal exact(String text) {
        char first = text.charAt(0);
        if (first == 'N' || first == 'I' || text.startsWith("-I")) {
            log.warn("NUMERIC value {} cannot be represented with decimal.handling.mode=precise and is emitted as "
                    + "null; use decimal.handling.mode=double or string to keep it", text);
            return null;
        }
        return new BigDecimal(text);
    }

    private static Schema optional(SchemaBuilder builder, boolean optional) {
        return optional ? builder.optional().build() : builder.build();
    }
}
