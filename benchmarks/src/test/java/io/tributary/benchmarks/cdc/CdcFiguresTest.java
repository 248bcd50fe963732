package io.tributary.benchmarks.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.benchmarks.Result;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CdcFiguresTest {

    @Test
    void printsRatesAndRatiosAndNaForContestantsLeftOut() {
        Map<Contestant, Double> rates = new EnumMap<>(Contestant.class);
        rates.put(Contestant.DEBEZIUM, CdcFigures.rowsPerSecond(20_000, 4_000_000_000L));
        rates.put(Contestant.CEILING, 20_000.0);
        Result result = new Result("cdc-streaming");

        CdcFigures.put(result, "tributary_rows_per_s", rates, Contestant.TRIBUTARY);
        CdcFigures.put(result, "debezium_rows_per_s", rates, Contestant.DEBEZIUM);
        CdcFigures.putRatio(result, "ratio_vs_debezium", rates, Contestant.TRIBUTARY, Contestant.DEBEZIUM);
        CdcFigures.putRatio(result, "ceiling_vs_debezium", rates, Contestant.CEILING, Contestant.DEBEZIUM);

        assertThat(result.line()).isEqualTo("RESULT cdc-streaming tributary_rows_per_s=NA debezium_rows_per_s=5000.000"
                + " ratio_vs_debezium=NA ceiling_vs_debezium=4.000");
    }
}
