package io.tributary.cdc.connection;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.tributary.cdc.event.ColumnInfo;
import io.tributary.cdc.event.TableId;
import io.tributary.cdc.types.PgType;

/** What the connector asks the database outside the replication protocol: tables, types, slots, publications. */
public interface Catalog extends AutoCloseable {

    /** Ordinary and partitioned tables outside the system schemas. */
    List<TableId> tables();

    /** Columns that replication sends (not dropped, not generated), in column order. */
    List<ColumnInfo> columns(TableId table);

    /** Primary-key columns in key order; empty when the table has none. */
    List<String> primaryKey(TableId table);

    /** The type with this OID, resolving nothing; empty when it does not exist. */
    Optional<PgType> type(int oid);

    Optional<SlotInfo> slot(String name);

    void dropSlot(String name);

    /**
     * Bytes of WAL between the server's current position and the slot's confirmed flush position, and bytes the slot
     * retains (from its restart position); empty when the slot does not exist.
     */
    Optional<long[]> slotLag(String name);

    boolean publicationExists(String name);

    Set<TableId> publicationTables(String name);

    /** Creates the publication for {@code tables}, or for all tables when {@code tables} is null. */
    void createPublication(String name, List<TableId> tables);

    void addToPublication(String name, List<TableId> tables);

    /**
     * The {@code application_name}s starting with {@code prefix} of the sessions this role has open in this
     * database (how the tasks of a parallel snapshot find each other).
     */
    List<String> sessionNames(String prefix);

    @Override
    void close();
}
