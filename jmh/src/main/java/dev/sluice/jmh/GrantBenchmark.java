package dev.sluice.jmh;

import dev.sluice.api.DataRate;
import dev.sluice.jmh.limiter.GrantLimiter;
import dev.sluice.jmh.limiter.LimiterType;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one non-blocking 1-byte grant that is granted at once (anchors B1, B2), for Sluice's
 * {@code LeakyBucket.tryReserve(1, 0)} (one ticker read and one compare-and-set) and the peers behind the
 * {@link GrantLimiter} facade, picked by {@code @Param limiter} ({@link LimiterType}: Guava
 * {@code tryAcquire}, Bucket4j {@code tryConsume} lock-free and synchronized, Resilience4j
 * {@code acquirePermission} with a zero timeout, Okio's throttled sink). Each runs at 1000 Gbit/s =
 * 125 x 10^9 B/s, one token or permit per byte (Bucket4j: its maximum, 10^9 B/s): the rate is finite, so the
 * real pacing code runs, but so high that a 1-byte grant never has to wait: this is the fast path that every
 * chunk of an unconstrained transfer takes. Each limiter is shared by the benchmark's threads: {@code grant}
 * runs one thread (uncontended); {@code grantTwoThreads} two threads hammering one limiter (on a 2-core
 * machine, that is every core); {@code grantEightThreads} eight. {@code baselineNanoTime} is the control: the
 * one clock read that each grant makes.
 *
 * <p>Run, after {@code ./mvnw -q -o package -pl jmh -am -DskipTests}:
 * <pre>{@code
 * java -jar jmh/target/benchmarks.jar GrantBenchmark -f 1 -wi 3 -i 5 -prof gc
 * java -jar jmh/target/benchmarks.jar GrantBenchmark -p limiter=SLUICE_LEAKY_BUCKET,GUAVA -prof gc -rf json
 * }</pre>
 * Iterations last 1 s by default (annotations below), so each limiter and thread count takes about 10 s and
 * the whole run about three minutes. Under {@code -prof gc}, {@code gc.alloc.rate.norm} is the bytes allocated
 * per grant.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class GrantBenchmark {

    /** High enough that a 1-byte grant never waits, however fast the caller: 1 B costs 0.008 ns (1 ns rounded up). */
    static final DataRate RATE = DataRate.ofGigabitsPerSecond(1000);

    /** The limiter under test, shared by the benchmark's threads; fresh for each trial. */
    @State(Scope.Benchmark)
    public static class SharedLimiter {

        /** Which library; all of {@link LimiterType} unless {@code -p limiter=...} says otherwise. */
        @Param
        public LimiterType limiter;

        GrantLimiter grants;

        /** A fresh limiter for each trial. */
        @Setup
        public void setUp() {
            grants = limiter.create(RATE);
        }
    }

    /** One thread: take 1 byte if it may go now; returns the wait (0) or {@code REFUSED}. */
    @Benchmark
    @Threads(1)
    public long grant(SharedLimiter shared) {
        return shared.grants.tryReserve(1);
    }

    /** Two threads sharing one limiter. */
    @Benchmark
    @Threads(2)
    public long grantTwoThreads(SharedLimiter shared) {
        return shared.grants.tryReserve(1);
    }

    /** Eight threads sharing one limiter (anchors B2): on a 2-core machine, four threads per core. */
    @Benchmark
    @Threads(8)
    public long grantEightThreads(SharedLimiter shared) {
        return shared.grants.tryReserve(1);
    }

    /**
     * Control: one {@link System#nanoTime()} read, which every grant makes at least once. On a virtual machine
     * it can be most of a grant's cost, so read the grants against it.
     */
    @Benchmark
    @Threads(1)
    public long baselineNanoTime() {
        return System.nanoTime();
    }
}
