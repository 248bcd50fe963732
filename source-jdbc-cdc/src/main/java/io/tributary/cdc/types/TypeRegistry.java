package io.tributary.cdc.types;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static io.tributary.cdc.types.PgTypeOids.*;

/**
 * The types a connector knows by OID: the built-in ones from the start, user-defined ones (enums, domains, their
 * arrays) as the catalog reports them.
 */
public final class TypeRegistry {

    private final Map<Integer, PgType> types = new ConcurrentHashMap<>();

    public TypeRegistry() {
        base(BOOL, "bool", 1000);
        base(BYTEA, "bytea", 1001);
        base(CHAR, "char", 1002);
        base(NAME, "name", 1003);
        base(INT8, "int8", 1016);
        base(INT2, "int2", 1005);
        base(INT4, "int4", 1007);
        base(TEXT, "text", 1009);
        base(OID, "oid", 1028);
        base(JSON, "json", 199);
        base(XML, "xml", 143);
        base(FLOAT4, "float4", 1021);
        base(FLOAT8, "float8", 1022);
        base(BPCHAR, "bpchar", 1014);
        base(VARCHAR, "varchar", 1015);
        base(DATE, "date", 1182);
        base(TIME, "time", 1183);
        base(TIMESTAMP, "timestamp", 1115);
        base(TIMESTAMPTZ, "timestamptz", 1185);
        base(TIMETZ, "timetz", 1270);
        base(NUMERIC, "numeric", 1231);
        base(UUID, "uuid", 2951);
        base(JSONB, "jsonb", 3807);
        base(INTERVAL, "interval", 1187);
        base(INET, "inet", 1041);
        base(CIDR, "cidr", 651);
        base(MACADDR, "macaddr", 1040);
        base(MACADDR8, "macaddr8", 775);
        base(MONEY, "money", 791);
    }

    private void base(int oid, String name, int arrayOid) {
        types.put(oid, PgType.base(oid, name));
        types.put(arrayOid, PgType.array(arrayOid, "_" + name, oid));
    }

    public void register(PgType type) {
        types.put(type.oid(), type);
    }

    /** The type, or null when the registry has not seen it. */
    public PgType get(int oid) {
        return types.get(oid);
    }

    public boolean knows(int oid) {
        return types.containsKey(oid);
    }
}
