package io.tributary.cdc.types;

import org.apache.kafka.connect.data.Schema;

/** Turns the text form of one column's values into Connect values of {@link #schema()}. */
public interface ValueConverter {

    Schema schema();

    /** The Connect value for {@code text}, the column's text form; null for SQL NULL. */
    Object convert(String text);
}
