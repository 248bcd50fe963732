package io.tributary.benchmarks.s3;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One timed window of a contestant: its {@code number} from 1, what it moved, its peak heap and its CPU by thread
 * group (as {@link io.tributary.benchmarks.CpuBreakdown} prints it).
 */
record TimedWindow(int number, Throughput throughput, long peakHeapBytes, String cpuUse) {

    /** The window with the median records per second (the lower middle one of an even count). */
    static TimedWindow median(List<TimedWindow> windows) {
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("No window was timed");
        }
        List<TimedWindow> byRate = new ArrayList<>(windows);
        byRate.sort(Comparator.comparingDouble(w -> w.throughput().recordsPerSecondPerTask()));
        return byRate.get((byRate.size() - 1) / 2);
    }

    /** Every window's records per second and task, in window order, joined by {@code /}: {@code 150727/153813}. */
    static String rates(List<TimedWindow> windows) {
        return windows.stream()
                .map(w -> String.format(Locale.ROOT, "%.0f", w.throughput().recordsPerSecondPerTask()))
                .collect(Collectors.joining("/"));
    }

    /** Two lines for the log: the window's figures, then its CPU by thread group. */
    String describe(String label, long objects) {
        Throughput t = throughput;
        return String.format(Locale.ROOT, "%s window %d: %d records in %d objects, %.2f s, %.0f records/s/task, "
                + "%.2f MB/s/task, peak heap %d MB, %.2f CPU s per million records%n%s window %d: %s", label, number,
                t.records(), objects, t.seconds(), t.recordsPerSecondPerTask(), t.mebibytesPerSecondPerTask(),
                peakHeapBytes >> 20, t.cpuSecondsPerMillionRecords(), label, number, cpuUse);
    }
}
