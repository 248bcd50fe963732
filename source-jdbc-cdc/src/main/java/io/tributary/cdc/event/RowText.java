package io.tributary.cdc.event;

import java.util.List;

import io.tributary.cdc.decoder.TupleValue;

/** The text form of each column of one row, as the stream or a snapshot query delivers it. */
public interface RowText {

    /** The text of column {@code index}; null for SQL NULL and for an unchanged TOASTed value. */
    String text(int index);

    /** True when the server did not send column {@code index} because its TOASTed value did not change. */
    boolean unchanged(int index);

    static RowText of(List<TupleValue> tuple) {
        return new RowText() {
            @Override
            public String text(int index) {
                return tuple.get(index).text();
            }

            @Override
            public boolean unchanged(int index) {
                return tuple.get(index).isUnchangedToast();
            }
        };
    }

    static RowText of(String[] texts) {
        return new RowText() {
            @Override
            public String text(int index) {
                return texts[index];
            }

            @Override
            public boolean unchanged(int index) {
                return false;
            }
        };
    }
}
