package io.tributary.cdc.stream;

import io.tributary.cdc.offset.CdcOffset;

/** Where streaming (re)starts: the LSN asked of the server, and the last record already emitted (null: none). */
record StreamPosition(long startLsn, CdcOffset resumeAfter) {
}
