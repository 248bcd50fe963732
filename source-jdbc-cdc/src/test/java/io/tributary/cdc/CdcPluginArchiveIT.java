package io.tributary.cdc;

import io.tributary.testkit.contract.PluginArchiveContract;

/** The packaged CDC source loads into a Connect worker through plugin.path and the archive has the hub layout. */
class CdcPluginArchiveIT extends PluginArchiveContract {
}
