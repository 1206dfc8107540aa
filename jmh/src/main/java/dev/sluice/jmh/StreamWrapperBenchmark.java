package dev.sluice.jmh;

import dev.sluice.api.DataRate;
import dev.sluice.throttle.LeakyBucket;
import dev.sluice.throttle.Pacer;
import dev.sluice.throttle.ThrottledOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of Sluice's stream wrapper per 64 KiB write (anchors B3, B4): the raw stream (a null output
 * stream, so the wrapper's cost is not hidden behind a copy, or an in-memory copy, {@code -p sink=COPY}), {@link ThrottledOutputStream} over it with
 * limiting off ({@link DataRate#UNLIMITED}), and with a finite rate so high that nothing waits (1000 Gbit/s:
 * the pacing code runs, 8 chunks of 8 KiB per write). At the end of each trial it prints the limiter calls
 * per MiB the wrapper made ({@link #limiterCallsPerMebibyte}).
 *
 * <p>"Nothing waits" holds only while the wrapper spends more than 65.5 ns per 8 KiB chunk (what a chunk
 * buys at 1000 Gbit/s; the burst adds 131 ns): a wrapper faster than that runs into the rate, some chunks
 * wait, and the figure measures the rate instead of the overhead. {@code -p fastRate="10000 Gbit/s"} moves
 * that line to 6.55 ns per chunk.
 *
 * <pre>{@code
 * java -jar jmh/target/benchmarks.jar StreamWrapperBenchmark -f 1 -wi 3 -i 5 -prof gc
 * java -jar jmh/target/benchmarks.jar StreamWrapperBenchmark -f 1 -wi 3 -i 5 -prof gc -p fastRate="10000 Gbit/s"
 * }</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class StreamWrapperBenchmark {

    /** One write. */
    static final int WRITE_BYTES = 64 * 1024;
    private static final double MIB = 1024 * 1024;

    /** What the write goes through. */
    public enum Wrapper {
        /** The null output stream alone. */
        RAW,
        /** {@link ThrottledOutputStream} with limiting off. */
        THROTTLED_UNLIMITED,
        /** {@link ThrottledOutputStream} at 1000 Gbit/s: paced, never waiting. */
        THROTTLED_FAST
    }

    /** The stream under test. */
    @State(Scope.Thread)
    public static class Target {

        @Param
        public Wrapper wrapper;

        /** {@code NULL}: {@code OutputStream.nullOutputStream()}; {@code COPY}: copies into a 64 KiB array. */
        @Param({"NULL", "COPY"})
        public String sink;

        /** The rate of {@link Wrapper#THROTTLED_FAST}, as {@link DataRate#parse} reads it. */
        @Param({"1000 Gbit/s"})
        public String fastRate;

        final byte[] buffer = new byte[WRITE_BYTES];
        OutputStream out;
        CountingLimiter limiter;
        long bytes;

        /** A fresh stream per trial. */
        @Setup
        public void setUp() {
            bytes = 0;
            OutputStream raw = sink.equals("COPY") ? new CopySink() : OutputStream.nullOutputStream();
            switch (wrapper) {
                case RAW:
                    out = raw;
                    break;
                case THROTTLED_UNLIMITED:
                    limiter = new CountingLimiter(LeakyBucket.of(DataRate.UNLIMITED));
                    out = new ThrottledOutputStream(raw, Pacer.of(limiter));
                    break;
                default:
                    limiter = new CountingLimiter(LeakyBucket.of(DataRate.parse(fastRate)));
                    out = new ThrottledOutputStream(raw, Pacer.of(limiter));
            }
        }

        /** Prints the limiter calls per MiB of the trial. */
        @TearDown
        public void report() {
            if (limiter != null && bytes > 0) {
                System.out.printf(java.util.Locale.ROOT, "%n%s: %.1f limiter calls per MiB%n", wrapper,
                        limiter.calls() / (bytes / MIB));
            }
        }
    }

    /** An in-memory receiver that copies every write into one reused array (what a buffer or socket does). */
    static final class CopySink extends OutputStream {
        private final byte[] into = new byte[WRITE_BYTES];
        private int at;

        @Override
        public void write(int b) {
            into[at] = (byte) b;
            at = (at + 1) % into.length;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            for (int done = 0; done < len; ) {
                int n = Math.min(len - done, into.length - at);
                System.arraycopy(b, off + done, into, at, n);
                at = (at + n) % into.length;
                done += n;
            }
        }
    }

    /** One 64 KiB write. */
    @Benchmark
    public void write(Target target) throws IOException {
        target.out.write(target.buffer, 0, WRITE_BYTES);
        target.bytes += WRITE_BYTES;
    }

    /** The limiter calls a {@link ThrottledOutputStream} at {@code rate} makes to write 1 MiB in 64 KiB writes. */
    static double limiterCallsPerMebibyte(DataRate rate) {
        CountingLimiter limiter = new CountingLimiter(LeakyBucket.of(rate));
        byte[] buffer = new byte[WRITE_BYTES];
        try (OutputStream out = new ThrottledOutputStream(OutputStream.nullOutputStream(), Pacer.of(limiter))) {
            for (int i = 0; i < MIB / WRITE_BYTES; i++) {
                out.write(buffer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return limiter.calls();
    }
}
