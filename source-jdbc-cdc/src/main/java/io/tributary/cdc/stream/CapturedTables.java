package io.tributary.cdc.stream;

import java.util.List;

import io.tributary.cdc.config.ColumnFilter;
import io.tributary.cdc.config.PostgresCdcConnectorConfig;
import io.tributary.cdc.config.TableFilter;
import io.tributary.cdc.connection.Catalog;
import io.tributary.cdc.event.TableId;
import io.tributary.cdc.event.TableSchemas;
import io.tributary.cdc.types.TypeMapper;
import io.tributary.cdc.types.TypeRegistry;

/** The tables the connector captures and their schemas, as its filters and type settings make them. */
final class CapturedTables {

    private final PostgresCdcConnectorConfig config;
    private final TableFilter filter;
    private final ColumnFilter columns;
    private final TypeRegistry types = new TypeRegistry();
    private final TypeMapper mapper;

    CapturedTables(PostgresCdcConnectorConfig config) {
        this.config = config;
        this.filter = config.tableFilter();
        this.columns = config.columnFilter();
        this.mapper = new TypeMapper(types, config.decimalHandlingMode(), config.timePrecisionMode(),
                config.binaryHandlingMode());
    }

    TableFilter filter() {
        return filter;
    }

    /** The captured tables, in the catalog's order. */
    List<TableId> list(Catalog catalog) {
        return catalog.tables().stream().filter(filter::captures).toList();
    }

    TableSchemas schemas(Catalog catalog) {
        return new TableSchemas(catalog, types, mapper, config.topicPrefix(), columns::forTable,
                config.messageKeyColumns());
    }
}
