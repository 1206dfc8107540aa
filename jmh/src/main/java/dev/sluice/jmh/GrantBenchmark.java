package dev.sluice.jmh;

import dev.sluice.api.DataRate;
import dev.sluice.throttle.LeakyBucket;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one non-blocking grant that is granted at once: Sluice's {@link LeakyBucket#tryReserve(long, long)
 * tryReserve(1, 0)} (one ticker read and one compare-and-set) against Guava's
 * {@code RateLimiter.tryAcquire(1)} (a lock and a stopwatch read), each at 1000 Gbit/s = 125 x 10^9 B/s
 * (Guava: 125 x 10^9 permits per second, one permit per byte). The rate is finite, so the real pacing code
 * runs, but so high that a 1-byte grant never has to wait: this is the fast path that every chunk of an
 * unconstrained transfer takes. Each limiter is shared by the benchmark's threads: with
 * {@code @Threads(1)} the grant is uncontended; the {@code ...TwoThreads} methods show what two threads
 * hammering one limiter cost (on a 2-core machine, that is every core). {@code baselineNanoTime} is the
 * control: the one clock read that each grant makes.
 *
 * <p>Run, after {@code ./mvnw -q -o package -pl jmh -am -DskipTests}:
 * <pre>{@code
 * java -jar jmh/target/benchmarks.jar GrantBenchmark -f 1 -wi 3 -i 5 -prof gc
 * }</pre>
 * Iterations last 1 s by default (annotations below), so a run takes under a minute. Under {@code -prof gc},
 * {@code gc.alloc.rate.norm} is the bytes allocated per grant.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class GrantBenchmark {

    /** High enough that a 1-byte grant never waits, however fast the caller: 1 B costs 0.008 ns (1 ns rounded up). */
    static final DataRate RATE = DataRate.ofGigabitsPerSecond(1000);

    private LeakyBucket bucket;
    private com.google.common.util.concurrent.RateLimiter guava;

    /** Fresh limiters for each trial. */
    @Setup
    public void setUp() {
        bucket = LeakyBucket.of(RATE);
        guava = com.google.common.util.concurrent.RateLimiter.create(RATE.bytesPerSecond());
    }

    /** Sluice: reserve 1 byte if it may go now; returns the wait (0) or {@code REFUSED}. */
    @Benchmark
    @Threads(1)
    public long sluiceTryReserve() {
        return bucket.tryReserve(1, 0);
    }

    /** Guava: take 1 permit if it is available now. */
    @Benchmark
    @Threads(1)
    public boolean guavaTryAcquire() {
        return guava.tryAcquire(1);
    }

    /**
     * Control: one {@link System#nanoTime()} read, which both grants make once. On a virtual machine it can
     * be most of a grant's cost, so read the grants against it.
     */
    @Benchmark
    @Threads(1)
    public long baselineNanoTime() {
        return System.nanoTime();
    }

    /** Sluice, two threads sharing one bucket. */
    @Benchmark
    @Threads(2)
    public long sluiceTryReserveTwoThreads() {
        return bucket.tryReserve(1, 0);
    }

    /** Guava, two threads sharing one limiter. */
    @Benchmark
    @Threads(2)
    public boolean guavaTryAcquireTwoThreads() {
        return guava.tryAcquire(1);
    }
}
