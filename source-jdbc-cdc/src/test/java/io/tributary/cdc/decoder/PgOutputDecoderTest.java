package io.tributary.cdc.decoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tributary.cdc.decoder.PgOutputMessage.Begin;
import io.tributary.cdc.decoder.PgOutputMessage.Column;
import io.tributary.cdc.decoder.PgOutputMessage.Commit;
import io.tributary.cdc.decoder.PgOutputMessage.Delete;
import io.tributary.cdc.decoder.PgOutputMessage.Insert;
import io.tributary.cdc.decoder.PgOutputMessage.Message;
import io.tributary.cdc.decoder.PgOutputMessage.Origin;
import io.tributary.cdc.decoder.PgOutputMessage.Relation;
import io.tributary.cdc.decoder.PgOutputMessage.StreamAbort;
import io.tributary.cdc.decoder.PgOutputMessage.StreamCommit;
import io.tributary.cdc.decoder.PgOutputMessage.StreamStart;
import io.tributary.cdc.decoder.PgOutputMessage.StreamStop;
import io.tributary.cdc.decoder.PgOutputMessage.Truncate;
import io.tributary.cdc.decoder.PgOutputMessage.Type;
import io.tributary.cdc.decoder.PgOutputMessage.Update;

class PgOutputDecoderTest {

    /** 2024-01-01T00:00:00Z in microseconds since 2000-01-01. */
    private static final long PG_2024 = 757_382_400_000_000L;
    private static final long UNIX_2024 = 1_704_067_200_000_000L;

    @Test
    void begin() {
        ByteBuffer buffer = WireBuilder.message('B').int64(0x16_B374_D848L).int64(PG_2024).int32(0xFFFF_FFFE).buffer();
        assertThat(PgOutputDecoder.decode(buffer)).isEqualTo(new Begin(0x16_B374_D848L, UNIX_2024, 0xFFFF_FFFEL));
        assertThat(buffer.hasRemaining()).isFalse();
    }

    @Test
    void commit() {
        ByteBuffer buffer = WireBuilder.message('C').byte1(0).int64(100).int64(150).int64(PG_2024).buffer();
        assertThat(PgOutputDecoder.decode(buffer)).isEqualTo(new Commit(0, 100, 150, UNIX_2024));
    }

    @Test
    void origin() {
        ByteBuffer buffer = WireBuilder.message('O').int64(42).string("upstream").buffer();
        assertThat(PgOutputDecoder.decode(buffer)).isEqualTo(new Origin(42, "upstream"));
    }

    @Test
    void relationWithKeyFlagsAndTypeModifiers() {
        ByteBuffer buffer = WireBuilder.message('R').int32(16_385).string("public").string("Orders").byte1('d')
                .int16(3)
                .byte1(1).string("id").int32(23).int32(-1)
                .byte1(0).string("amount").int32(1700).int32((10 << 16 | 2) + 4)
                .byte1(0).string("note ü").int32(25).int32(-1)
                .buffer();
        Relation relation = (Relation) PgOutputDecoder.decode(buffer);
        assertThat(relation.relationId()).isEqualTo(16_385);
        assertThat(relation.namespace()).isEqualTo("public");
        assertThat(relation.name()).isEqualTo("Orders");
        assertThat(relation.replicaIdentity()).isEqualTo('d');
        assertThat(relation.columns()).containsExactly(new Column(true, "id", 23, -1),
                new Column(false, "amount", 1700, (10 << 16 | 2) + 4), new Column(false, "note ü", 25, -1));
    }

    @Test
    void type() {
        ByteBuffer buffer = WireBuilder.message('Y').int32(16_400).string("shop").string("mood").buffer();
        assertThat(PgOutputDecoder.decode(buffer)).isEqualTo(new Type(0, 16_400, "shop", "mood"));
    }

    @Test
    void insertWithEveryColumnKind() {
        ByteBuffer buffer = WireBuilder.message('I').int32(16_385).byte1('N').int16(4)
                .textColumn("42").byte1('n').byte1('u').binaryColumn(new byte[] {0, 0, 0, 7}).buffer();
        Insert insert = (Insert) PgOutputDecoder.decode(buffer);
        assertThat(insert.relationId()).isEqualTo(16_385);
        List<TupleValue> tuple = insert.newTuple();
        assertThat(tuple.get(0).kind()).isEqualTo(TupleValue.Kind.TEXT);
        assertThat(tuple.get(0).text()).isEqualTo("42");
        assertThat(tuple.get(1).isNull()).isTrue();
        assertThat(tuple.get(1).text()).isNull();
        assertThat(tuple.get(2).isUnchangedToast()).isTrue();
        assertThat(tuple.get(3).kind()).isEqualTo(TupleValue.Kind.BINARY);
        assertThat(tuple.get(3).data()).containsExactly(0, 0, 0, 7);
    }

    @Test
    void emptyTextValueIsNotNull() {
        ByteBuffer buffer = WireBuilder.message('I').int32(1).byte1('N').int16(1).textColumn("").buffer();
        TupleValue value = ((Insert) PgOutputDecoder.decode(buffer)).newTuple().get(0);
        assertThat(value.isNull()).isFalse();
        assertThat(value.text()).isEmpty();
    }

    @Test
    void updateWithoutOldTuple() {
        ByteBuffer buffer = WireBuilder.message('U').int32(7).byte1('N').int16(1).textColumn("b").buffer();
        Update update = (Update) PgOutputDecoder.decode(buffer);
        assertThat(update.oldKind()).isEqualTo((char) 0);
        assertThat(update.oldTuple()).isNull();
        assertThat(update.newTuple()).extracting(TupleValue::text).containsExactly("b");
    }

    @Test
    void updateWithOldKey() {
        ByteBuffer buffer = WireBuilder.message('U').int32(7).byte1('K').int16(2).textColumn("1").byte1('n')
                .byte1('N').int16(2).textColumn("2").textColumn("x").buffer();
        Update update = (Update) PgOutputDecoder.decode(buffer);
        assertThat(update.oldKind()).isEqualTo('K');
        assertThat(update.oldTuple()).extracting(TupleValue::text).containsExactly("1", null);
        assertThat(update.newTuple()).extracting(TupleValue::text).containsExactly("2", "x");
    }

    @Test
    void updateWithOldRow() {
        ByteBuffer buffer = WireBuilder.message('U').int32(7).byte1('O').int16(2).textColumn("1").textColumn("old")
                .byte1('N').int16(2).textColumn("1").byte1('u').buffer();
        Update update = (Update) PgOutputDecoder.decode(buffer);
        assertThat(update.oldKind()).isEqualTo('O');
        assertThat(update.oldTuple()).extracting(TupleValue::text).containsExactly("1", "old");
        assertThat(update.newTuple().get(1).isUnchangedToast()).isTrue();
    }

    @Test
    void deleteByKeyAndByOldRow() {
        Delete byKey = (Delete) PgOutputDecoder.decode(
                WireBuilder.message('D').int32(9).byte1('K').int16(1).textColumn("5").buffer());
        assertThat(byKey.oldKind()).isEqualTo('K');
        assertThat(byKey.oldTuple()).extracting(TupleValue::text).containsExactly("5");
        Delete byRow = (Delete) PgOutputDecoder.decode(
                WireBuilder.message('D').int32(9).byte1('O').int16(2).textColumn("5").byte1('n').buffer());
        assertThat(byRow.oldKind()).isEqualTo('O');
        assertThat(byRow.oldTuple()).hasSize(2);
    }

    @Test
    void truncateWithOptions() {
        ByteBuffer buffer = WireBuilder.message('T').int32(2).byte1(3).int32(10).int32(11).buffer();
        Truncate truncate = (Truncate) PgOutputDecoder.decode(buffer);
        assertThat(truncate.relationIds()).containsExactly(10, 11);
        assertThat(truncate.cascade()).isTrue();
        assertThat(truncate.restartIdentity()).isTrue();
    }

    @Test
    void logicalMessage() {
        ByteBuffer buffer = WireBuilder.message('M').byte1(1).int64(77).string("audit").int32(3)
                .byte1('a').byte1('b').byte1('c').buffer();
        Message message = (Message) PgOutputDecoder.decode(buffer);
        assertThat(message.transactional()).isTrue();
        assertThat(message.lsn()).isEqualTo(77);
        assertThat(message.prefix()).isEqualTo("audit");
        assertThat(message.content()).containsExactly('a', 'b', 'c');
    }

    @Test
    void streamingMessagesCarryTransactionIds() {
        assertThat(PgOutputDecoder.decode(WireBuilder.message('S').int32(900).byte1(1).buffer()))
                .isEqualTo(new StreamStart(900, true));
        assertThat(PgOutputDecoder.decode(WireBuilder.message('E').buffer())).isEqualTo(new StreamStop());
        assertThat(PgOutputDecoder.decode(
                WireBuilder.message('I').int32(900).int32(5).byte1('N').int16(1).textColumn("x").buffer(), true))
                .isEqualTo(new Insert(900, 5, ((Insert) PgOutputDecoder.decode(
                        WireBuilder.message('I').int32(5).byte1('N').int16(1).textColumn("x").buffer())).newTuple()));
        Relation relation = (Relation) PgOutputDecoder.decode(WireBuilder.message('R').int32(900).int32(5)
                .string("s").string("t").byte1('f').int16(0).buffer(), true);
        assertThat(relation.xid()).isEqualTo(900);
        assertThat(relation.relationId()).isEqualTo(5);
        assertThat(PgOutputDecoder.decode(
                WireBuilder.message('c').int32(900).byte1(0).int64(10).int64(20).int64(PG_2024).buffer()))
                .isEqualTo(new StreamCommit(900, 0, 10, 20, UNIX_2024));
        assertThat(PgOutputDecoder.decode(WireBuilder.message('A').int32(900).int32(901).buffer()))
                .isEqualTo(new StreamAbort(900, 901, 0, 0));
        assertThat(PgOutputDecoder.decode(
                WireBuilder.message('A').int32(900).int32(900).int64(30).int64(PG_2024).buffer()))
                .isEqualTo(new StreamAbort(900, 900, 30, UNIX_2024));
    }

    @Test
    void decodesFromAnOffsetBuffer() {
        ByteBuffer whole = WireBuilder.message('x').byte1('O').int64(1).string("o").buffer();
        whole.position(1);
        ByteBuffer slice = whole.slice();
        assertThat(PgOutputDecoder.decode(slice)).isEqualTo(new Origin(1, "o"));
    }

    @Test
    void malformedMessagesFailWithAReason() {
        assertThatThrownBy(() -> PgOutputDecoder.decode(ByteBuffer.allocate(0)))
                .isInstanceOf(DecodingException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> PgOutputDecoder.decode(WireBuilder.message('Z').buffer()))
                .isInstanceOf(DecodingException.class).hasMessageContaining("'Z'");
        assertThatThrownBy(() -> PgOutputDecoder.decode(WireBuilder.message('B').int64(1).buffer()))
                .isInstanceOf(DecodingException.class).hasMessageContaining("ends early");
        assertThatThrownBy(() -> PgOutputDecoder.decode(
                WireBuilder.message('I').int32(1).byte1('N').int16(1).byte1('q').buffer()))
                .isInstanceOf(DecodingException.class).hasMessageContaining("'q'");
        assertThatThrownBy(() -> PgOutputDecoder.decode(
                WireBuilder.message('I').int32(1).byte1('N').int16(1).byte1('t').int32(99).buffer()))
                .isInstanceOf(DecodingException.class).hasMessageContaining("99 bytes");
        assertThatThrownBy(() -> PgOutputDecoder.decode(WireBuilder.message('O').int64(1).byte1('a').buffer()))
                .isInstanceOf(DecodingException.class).hasMessageContaining("NUL");
    }
}
