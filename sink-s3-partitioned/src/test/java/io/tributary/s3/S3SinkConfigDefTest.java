package io.tributary.s3;

import io.tributary.testkit.contract.ConfigDefContract;

/** The config and version rules every plugin keeps, for the S3 sink connector. */
class S3SinkConfigDefTest extends ConfigDefContract {
}
