package dev.sluice.jmh;

import dev.sluice.api.DataRate;

/**
 * The figures of one {@link ScaleRun}.
 *
 * @param streams the concurrent streams
 * @param rate the shared budget
 * @param seconds the run's length
 * @param grants the 8 KiB grants completed before the deadline
 * @param bytes their bytes
 * @param achievedBytesPerSecond the aggregate achieved rate ({@link ReleaseLog#achievedBytesPerSecond})
 * @param errorPercent against the budget
 * @param threadsBefore live threads before the streams started
 * @param threadsDuring live threads half-way through
 * @param threadsPeak the peak thread count during the run
 * @param heapBytesPerStream heap used half-way (after a GC) minus before, per stream
 * @param jainIndex Jain's index of the streams' bytes
 */
record ScaleResult(int streams, DataRate rate, double seconds, int grants, long bytes, double achievedBytesPerSecond,
        double errorPercent, int threadsBefore, int threadsDuring, int threadsPeak, double heapBytesPerStream,
        double jainIndex) {
}
