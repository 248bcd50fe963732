package io.tributary.benchmarks.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.schema.MessageType;

/** Reads the top-level {@code id} column of a Parquet file in memory, with parquet-java's column readers. */
final class ParquetIds {

    private ParquetIds() {
    }

    /** Adds the {@code id} of every row of {@code file} (null ids as -1) to {@code tally}. */
    static void tally(byte[] file, IdTally tally) throws IOException {
        ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration()).build();
        try (ParquetFileReader reader = ParquetFileReader.open(new MemoryInputFile(file), options)) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            String createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
            ColumnDescriptor id = schema.getColumnDescription(new String[] {"id"});
            PageReadStore rowGroup;
            while ((rowGroup = reader.readNextRowGroup()) != null) {
                ColumnReader column = new ColumnReadStoreImpl(rowGroup,
                        new GroupRecordConverter(schema).getRootConverter(), schema, createdBy).getColumnReader(id);
                for (long i = 0; i < column.getTotalValueCount(); i++) {
                    tally.add(column.getCurrentDefinitionLevel() == id.getMaxDefinitionLevel() ? column.getLong() : -1);
                    column.consume();
                }
            }
        }
    }

    private static final class MemoryInputFile implements InputFile {
        private final byte[] bytes;

        MemoryInputFile(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public long getLength() {
            return bytes.length;
        }

        @Override
        public SeekableInputStream newStream() {
            SeekableBytes in = new SeekableBytes(bytes);
            return new DelegatingSeekableInputStream(in) {
                @Override
                public long getPos() {
                    return in.position();
                }

                @Override
                public void seek(long newPos) {
                    in.seek(newPos);
                }
            };
        }
    }

    private static final class SeekableBytes extends ByteArrayInputStream {
        SeekableBytes(byte[] bytes) {
            super(bytes);
        }

        long position() {
            return pos;
        }

        void seek(long position) {
            pos = (int) position;
        }
    }
}
