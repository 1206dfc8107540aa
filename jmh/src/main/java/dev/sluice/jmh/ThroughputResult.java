package dev.sluice.jmh;

import java.util.Arrays;
import java.util.List;

/**
 * One transport in one stack: the throughput of each measured upload and download, in MiB/s, and their
 * medians.
 *
 * @param transport the transport's id
 * @param stack what was around it
 * @param uploads MiB/s of each measured PUT, in the order run
 * @param downloads MiB/s of each measured GET, in the order run
 */
record ThroughputResult(String transport, ThroughputStack stack, List<Double> uploads, List<Double> downloads) {

    ThroughputResult {
        uploads = List.copyOf(uploads);
        downloads = List.copyOf(downloads);
    }

    /** The median upload MiB/s. */
    double uploadMedian() {
        return median(uploads);
    }

    /** The median download MiB/s. */
    double downloadMedian() {
        return median(downloads);
    }

    /** The middle value; the mean of the two middle ones for an even count; NaN for none. */
    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
