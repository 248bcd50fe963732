package io.tributary.cdc;

import io.tributary.testkit.contract.ConfigDefContract;

/** The config and version rules every plugin keeps, for the PostgreSQL CDC source. */
class CdcConfigDefTest extends ConfigDefContract {
}
