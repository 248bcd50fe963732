package io.tributary.cdc.event;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.cdc.connection.Catalog;
import io.tributary.cdc.decoder.PgOutputMessage;
import io.tributary.cdc.types.PgType;
import io.tributary.cdc.types.TypeMapper;
import io.tributary.cdc.types.TypeRegistry;

/**
 * The current {@link TableSchema} of each captured table: from the catalog for snapshots, from Relation messages while
 * streaming (so a schema change shows in the next event without a restart). Used by the reader thread only.
 */
public final class TableSchemas {

    private static final Logger log = LoggerFactory.getLogger(TableSchemas.class);

    private final Catalog catalog;
    private final TypeRegistry registry;
    private final TypeMapper mapper;
    private final String topicPrefix;
    private final Function<TableId, Predicate<String>> emittedColumns;
    private final RecordKeyColumns messageKeyColumns;
    private final Map<Integer, TableSchema> byRelationId = new HashMap<>();
    private final Set<TableId> warnedKeyless = new HashSet<>();

    /** {@code emittedColumns} tells, per table, which non-key columns events carry. */
    public TableSchemas(Catalog catalog, TypeRegistry registry, TypeMapper mapper, String topicPrefix,
            Function<TableId, Predicate<String>> emittedColumns) {
        this(catalog, registry, mapper, topicPrefix, emittedColumns, RecordKeyColumns.PRIMARY_KEY);
    }

    /** As above, with record keys from {@code messageKeyColumns} where it names a table's key columns. */
    public TableSchemas(Catalog catalog, TypeRegistry registry, TypeMapper mapper, String topicPrefix,
            Function<TableId, Predicate<String>> emittedColumns, RecordKeyColumns messageKeyColumns) {
        this.messageKeyColumns = messageKeyColumns;
        this.catalog = catalog;
        this.registry = registry;
        this.mapper = mapper;
        this.topicPrefix = topicPrefix;
        this.emittedColumns = emittedColumns;
    }

    /**
     * Fails, naming the table and the column, when {@code message.key.columns} names a column that one of
     * {@code tables} does not have: at start rather than at the table's first change.
     */
    public void checkMessageKeys(List<TableId> tables) {
        for (TableId table : tables) {
            if (messageKeyColumns.applies(table)) {
                messageKeyColumns.keyOf(table, catalog.columns(table).stream().map(ColumnInfo::name).toList(),
                        List.of());
            }
        }
    }

    /** The schema of a table as the catalog shows it now. */
    public TableSchema fromCatalog(TableId table) {
        List<ColumnInfo> columns = catalog.columns(table);
        return build(table, columns);
    }

    /** Records the columns a Relation message announces; {@code captured} false forgets the relation instead. */
    public TableSchema onRelation(PgOutputMessage.Relation relation, boolean captured) {
        if (!captured) {
            byRelationId.remove(relation.relationId());
            return null;
        }
        TableId table = new TableId(relation.namespace(), relation.name());
        // Relation messages do not say which columns are NOT NULL or TOASTable: the catalog does.
        Map<String, ColumnInfo> catalogColumns = new HashMap<>();
        try {
            catalog.columns(table).forEach(c -> catalogColumns.put(c.name(), c));
        } catch (RuntimeException e) {
            log.debug("Cannot read the NOT NULL constraints of {} (dropped since?): every column is optional", table,
                    e);
        }
        List<ColumnInfo> columns = relation.columns().stream()
                .map(c -> {
                    ColumnInfo known = catalogColumns.get(c.name());
                    return new ColumnInfo(c.name(), c.typeOid(), c.typeModifier(), "",
                            known != null && known.notNull(), known != null && known.toastable());
                })
                .toList();
        TableSchema schema = build(table, columns);
        if (schema.keyColumns().isEmpty() && relation.replicaIdentity() == 'd' && warnedKeyless.add(table)) {
            // message.key.columns may give its events a key; updates and deletes are rejected all the same
            log.warn("Table {} has no primary key and REPLICA IDENTITY DEFAULT: {}while it is in a publication that "
                    + "publishes updates and deletes, PostgreSQL rejects them. Add a primary key or run ALTER TABLE {} "
                    + "REPLICA IDENTITY FULL", table, schema.keySchema() == null ? "its events have no key, and " : "",
                    table.quoted());
        }
        byRelationId.put(relation.relationId(), schema);
        return schema;
    }

    /** The schema of a streamed relation, or null when it is not captured. */
    public TableSchema forRelation(int relationId) {
        return byRelationId.get(relationId);
    }

    private TableSchema build(TableId table, List<ColumnInfo> columns) {
        columns.forEach(c -> learnType(c.typeOid()));
        List<String> primaryKey = catalog.primaryKey(table);
        List<String> messageKey = messageKeyColumns.keyOf(table, columns.stream().map(ColumnInfo::name).toList(),
                primaryKey);
        return new TableSchema(topicPrefix, table, columns, primaryKey, messageKey, mapper, SourceInfo.SCHEMA,
                emittedColumns.apply(table));
    }

    private void learnType(int oid) {
        if (oid == 0 || registry.knows(oid)) {
            return;
        }
        catalog.type(oid).ifPresent(type -> {
            registry.register(type);
            if (type.category() == PgType.Category.ARRAY) {
                learnType(type.elementOid());
            } else if (type.category() == PgType.Category.DOMAIN) {
                learnType(type.baseOid());
            }
        });
    }
}
