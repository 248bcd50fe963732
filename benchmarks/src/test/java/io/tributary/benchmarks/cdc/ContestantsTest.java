package io.tributary.benchmarks.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContestantsTest {

    private static final List<Contestant> ALL = List.of(Contestant.values());

    @Test
    void takesTheDefaultsWhenNothingIsSelected() {
        assertThat(Contestants.parse(null, ALL, EnumSet.allOf(Contestant.class))).isEqualTo(ALL);
        assertThat(Contestants.parse("  ", ALL, EnumSet.allOf(Contestant.class))).isEqualTo(ALL);
    }

    @Test
    void keepsTheGivenOrderWithoutDuplicatesAndIgnoresCaseAndSpaces() {
        assertThat(Contestants.parse(" Ceiling, debezium,ceiling,", ALL, EnumSet.allOf(Contestant.class)))
                .containsExactly(Contestant.CEILING, Contestant.DEBEZIUM);
    }

    @Test
    void namesTheChoicesWhenAContestantIsUnknownOrNotInTheCase() {
        EnumSet<Contestant> cdcOnly = EnumSet.of(Contestant.TRIBUTARY, Contestant.DEBEZIUM);
        assertThatThrownBy(() -> Contestants.parse("debezum", ALL, cdcOnly))
                .hasMessageContaining("unknown contestant 'debezum'").hasMessageContaining("tributary,debezium");
        assertThatThrownBy(() -> Contestants.parse("ceiling", ALL, cdcOnly))
                .hasMessageContaining("ceiling does not take part");
        assertThatThrownBy(() -> Contestants.parse(",", ALL, cdcOnly)).hasMessageContaining("names no contestant");
    }

    @Test
    void givesEachContestantItsOwnValidSlotPublicationAndTopic() {
        Contestant.Names tributary = Contestant.TRIBUTARY.names("cdc-streaming");
        Contestant.Names debezium = Contestant.DEBEZIUM.names("cdc-streaming");

        assertThat(tributary.slot()).isEqualTo("bench_cdc_streaming_tributary").matches("[a-z0-9_]{1,63}");
        assertThat(tributary.publication()).isEqualTo("bench_cdc_streaming_tributary_pub");
        assertThat(tributary.topic()).isEqualTo("bench_cdc_streaming_tributary.public.bench_rows");
        assertThat(debezium.slot()).isNotEqualTo(tributary.slot());
        assertThat(debezium.topic()).isNotEqualTo(tributary.topic());
    }
}
