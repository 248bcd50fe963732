package io.tributary.benchmarks.cdc;

import io.tributary.benchmarks.Result;
import java.util.Map;

/** Figures of the CDC cases; a contestant left out of the run ({@code -Dcontestants}) shows as {@code NA}. */
final class CdcFigures {

    static final String NOT_MEASURED = "NA";

    private CdcFigures() {
    }

    static double rowsPerSecond(long rows, long nanos) {
        if (nanos <= 0) {
            throw new IllegalArgumentException("Not a duration: " + nanos + " ns");
        }
        return rows * 1e9 / nanos;
    }

    static void put(Result result, String key, Map<Contestant, Double> figures, Contestant contestant) {
        Double value = figures.get(contestant);
        if (value == null) {
            result.putText(key, NOT_MEASURED);
        } else {
            result.put(key, value);
        }
    }

    /** {@code figures[numerator] / figures[denominator]}, or NA when either was not measured. */
    static void putRatio(Result result, String key, Map<Contestant, Double> figures, Contestant numerator,
            Contestant denominator) {
        Double top = figures.get(numerator);
        Double bottom = figures.get(denominator);
        if (top == null || bottom == null || bottom == 0) {
            result.putText(key, NOT_MEASURED);
        } else {
            result.put(key, top / bottom);
        }
    }

    static double mebibytes(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
