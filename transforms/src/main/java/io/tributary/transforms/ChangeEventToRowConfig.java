package io.tributary.transforms;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

import io.tributary.common.config.EnumParser;
import io.tributary.common.config.Validators;

/** Configuration of {@link ChangeEventToRow}; key names follow Debezium's {@code ExtractNewRecordState}. */
public final class ChangeEventToRowConfig extends AbstractConfig {

    /** What happens to delete events and to tombstones. */
    public enum DeleteHandling {
        /** Drop delete events and tombstones. */
        DROP,
        /** Turn a delete event into a tombstone; keep tombstones. */
        TOMBSTONE,
        /** Turn a delete event into its {@code before} row marked {@code __deleted=true}; drop tombstones. */
        REWRITE,
        /** Like {@link #REWRITE}, but keep tombstones. */
        REWRITE_WITH_TOMBSTONE;

        boolean rewritesDeletes() {
            return this == REWRITE || this == REWRITE_WITH_TOMBSTONE;
        }

        boolean keepsTombstones() {
            return this == TOMBSTONE || this == REWRITE_WITH_TOMBSTONE;
        }
    }

    /** Name of the field that {@code rewrite} modes add to every row. */
    public static final String DELETED_FIELD = "__deleted";

    private static final String GROUP = "Change events";

    public static final String DELETE_TOMBSTONE_HANDLING_MODE = "delete.tombstone.handling.mode";
    public static final String DELETE_TOMBSTONE_HANDLING_MODE_DEFAULT = EnumParser.KEBAB.configValue(DeleteHandling.TOMBSTONE);
    public static final String DELETE_TOMBSTONE_HANDLING_MODE_DOC =
            "How delete events (op 'd') and tombstones (records with a null value) are emitted. "
            + "'drop': drop both. "
            + "'tombstone': emit a delete event as a tombstone with the same key; keep tombstones. "
            + "'rewrite': emit a delete event as its 'before' row with " + DELETED_FIELD + "='true' (every other row gets "
            + DELETED_FIELD + "='false'); drop tombstones. "
            + "'rewrite-with-tombstone': like 'rewrite', but keep tombstones.";

    public static final String ADD_FIELDS = "add.fields";
    public static final String ADD_FIELDS_DEFAULT = "";
    public static final String ADD_FIELDS_DOC =
            "Change-event metadata to add to each row as optional fields, e.g. 'op,table,lsn,source.ts_ms,ts_ms'. "
            + "A plain name is a field of the envelope if it has one (op, ts_ms), otherwise a field of 'source' "
            + "(table, lsn, db, ...); 'struct.field' names a field inside an envelope struct (source.ts_ms). "
            + "Each is added as <add.fields.prefix><name> with '.' replaced by '_', e.g. __source_ts_ms. "
            + "Names that an event does not carry are left out.";

    public static final String ADD_FIELDS_PREFIX = "add.fields.prefix";
    public static final String ADD_FIELDS_PREFIX_DEFAULT = "__";
    public static final String ADD_FIELDS_PREFIX_DOC = "Prefix of the field names that 'add.fields' adds.";

    public static final String ADD_HEADERS = "add.headers";
    public static final String ADD_HEADERS_DEFAULT = "";
    public static final String ADD_HEADERS_DOC =
            "Change-event metadata to add to each record as headers; names are resolved as in 'add.fields' and "
            + "each header is named <add.headers.prefix><name> with '.' replaced by '_'. Delete events emitted as "
            + "tombstones carry these headers too.";

    public static final String ADD_HEADERS_PREFIX = "add.headers.prefix";
    public static final String ADD_HEADERS_PREFIX_DEFAULT = "__";
    public static final String ADD_HEADERS_PREFIX_DOC = "Prefix of the header names that 'add.headers' adds.";

    private static final String FIELD_PATH_DESCRIPTION =
            "a field name or dotted path (letters, digits and '_', not starting with a digit)";
    private static final Pattern FIELD_PATH = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
    private static final Pattern FIELD_PREFIX = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)?");
    private static final Pattern HEADER_PREFIX = Pattern.compile("\\S*");

    private static final ConfigDef CONFIG = configDef();

    private final DeleteHandling deleteHandling;
    private final List<EnvelopeField> addFields;
    private final List<EnvelopeField> addHeaders;

    public ChangeEventToRowConfig(Map<?, ?> originals) {
        super(CONFIG, originals);
        deleteHandling = EnumParser.KEBAB.parse(DeleteHandling.class, DELETE_TOMBSTONE_HANDLING_MODE,
                getString(DELETE_TOMBSTONE_HANDLING_MODE));
        addFields = EnvelopeField.parse(getList(ADD_FIELDS), getString(ADD_FIELDS_PREFIX));
        addHeaders = EnvelopeField.parse(getList(ADD_HEADERS), getString(ADD_HEADERS_PREFIX));
        ensureDistinctOutputNames(ADD_FIELDS, addFields, deleteHandling.rewritesDeletes() ? DELETED_FIELD : null);
        ensureDistinctOutputNames(ADD_HEADERS, addHeaders, null);
    }

    /** A fresh definition of every key, for {@code Transformation.config()} and generated docs. */
    public static ConfigDef configDef() {
        int order = 0;
        return new ConfigDef()
                .define(DELETE_TOMBSTONE_HANDLING_MODE, Type.STRING, DELETE_TOMBSTONE_HANDLING_MODE_DEFAULT,
                        EnumParser.KEBAB.validator(DeleteHandling.class), Importance.HIGH, DELETE_TOMBSTONE_HANDLING_MODE_DOC,
                        GROUP, ++order, Width.MEDIUM, "Delete and tombstone handling",
                        EnumParser.KEBAB.recommender(DeleteHandling.class))
                .define(ADD_FIELDS, Type.LIST, ADD_FIELDS_DEFAULT,
                        Validators.listOfDistinct(FIELD_PATH, FIELD_PATH_DESCRIPTION), Importance.MEDIUM, ADD_FIELDS_DOC,
                        GROUP, ++order, Width.LONG, "Metadata fields")
                .define(ADD_FIELDS_PREFIX, Type.STRING, ADD_FIELDS_PREFIX_DEFAULT,
                        Validators.matching(FIELD_PREFIX,
                                "empty or letters, digits and '_', not starting with a digit"),
                        Importance.LOW, ADD_FIELDS_PREFIX_DOC, GROUP, ++order, Width.SHORT, "Metadata field prefix")
                .define(ADD_HEADERS, Type.LIST, ADD_HEADERS_DEFAULT,
                        Validators.listOfDistinct(FIELD_PATH, FIELD_PATH_DESCRIPTION), Importance.MEDIUM,
                        ADD_HEADERS_DOC, GROUP, ++order, Width.LONG, "Metadata headers")
                .define(ADD_HEADERS_PREFIX, Type.STRING, ADD_HEADERS_PREFIX_DEFAULT,
                        Validators.matching(HEADER_PREFIX, "a string without whitespace, possibly empty"),
                        Importance.LOW, ADD_HEADERS_PREFIX_DOC, GROUP, ++order, Width.SHORT, "Metadata header prefix");
    }

    public DeleteHandling deleteHandling() {
        return deleteHandling;
    }

    /** The {@code add.fields} entries, with their output names already prefixed. */
    List<EnvelopeField> addFields() {
        return addFields;
    }

    /** The {@code add.headers} entries, with their header names already prefixed. */
    List<EnvelopeField> addHeaders() {
        return addHeaders;
    }

    // 'source.ts_ms' and 'source_ts_ms' would both become '__source_ts_ms'; say so now rather than per record.
    private static void ensureDistinctOutputNames(String key, List<EnvelopeField> fields, String reserved) {
        Map<String, String> seen = new HashMap<>();
        if (reserved != null) {
            seen.put(reserved, "the field added by " + DELETE_TOMBSTONE_HANDLING_MODE);
        }
        for (EnvelopeField field : fields) {
            String earlier = seen.putIfAbsent(field.outputName(), "'" + field.configName() + "'");
            if (earlier != null) {
                throw new ConfigException(key, String.join(",", fields.stream().map(EnvelopeField::configName).toList()),
                        "'" + field.configName() + "' would be named " + field.outputName() + ", like " + earlier);
            }
        }
    }
}
