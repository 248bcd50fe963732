package io.tributary.transforms;

import io.tributary.testkit.contract.PluginArchiveContract;

/** The packaged transforms load into a Connect worker through plugin.path and the archive has the hub layout. */
class TransformsPluginArchiveIT extends PluginArchiveContract {
}
