package io.tributary.transforms;

import io.tributary.testkit.contract.ConfigDefContract;

/** The config and version rules every plugin keeps, for this module's transforms. */
class TransformsConfigDefTest extends ConfigDefContract {
}
