package io.tributary.s3;

import io.tributary.testkit.contract.PluginArchiveContract;

/** The packaged S3 sink loads into a Connect worker through plugin.path and the archive has the hub layout. */
class S3SinkPluginArchiveIT extends PluginArchiveContract {
}
