package dev.sluice.throttle.bucket4j;

import static dev.sluice.throttle.bucket4j.internal.RequestChecks.requireByteCount;
import static dev.sluice.throttle.bucket4j.internal.RequestChecks.requireMaxWait;
import static dev.sluice.throttle.bucket4j.internal.RequestChecks.requireTicker;

import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import dev.sluice.api.RateLimiter;
import dev.sluice.api.Ticker;
import dev.sluice.throttle.bucket4j.internal.BucketWaits;
import dev.sluice.throttle.bucket4j.internal.ByteBandwidth;
import dev.sluice.throttle.bucket4j.internal.LimiterRate;
import dev.sluice.throttle.bucket4j.internal.TickerTimeMeter;
import io.github.bucket4j.Bucket;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link RateLimiter} on a local Bucket4j bucket of one token per byte: capacity = the burst, greedy
 * refill at exactly the rate, on a nanosecond clock read from the injected {@link Ticker}. It never
 * blocks; Sluice's pacers do the waiting. Registered as {@code "bucket4j"}.
 *
 * <p>How the SPI maps onto Bucket4j:
 * <ul>
 *   <li>{@link #reserve(long)}: {@code consumeIgnoringRateLimits} (may go into debt, so requests above the
 *       burst wait instead of being refused); its penalty is the wait.</li>
 *   <li>{@link #tryReserve(long, long)}: with no wait allowed, {@code tryConsumeAndReturnRemaining}; up to
 *       the burst, Bucket4j's atomic bounded reservation ({@code asBlocking().tryConsumeUninterruptibly}
 *       with a "park" that records the wait instead of sleeping); above the burst,
 *       {@code estimateAbilityToConsume} then {@code consumeIgnoringRateLimits}, undone with
 *       {@code addTokens} if a concurrent caller made the wait too long.</li>
 *   <li>{@link #waitEstimate(long)}: {@code estimateAbilityToConsume} (plus the excess above the
 *       burst at the rate); for 0 bytes, the debt in {@code getAvailableTokens}.</li>
 *   <li>{@link #giveBack(long)}: {@code addTokens}, which never fills above the capacity, so the burst
 *       never grows.</li>
 *   <li>{@link #setRate(DataRate)}: {@code replaceConfiguration} with {@code AS_IS} token inheritance (the
 *       backlog keeps its size in bytes and drains at the new rate); after {@link DataRate#UNLIMITED},
 *       with {@code RESET} (a full burst, as the leaky bucket).</li>
 * </ul>
 *
 * <p>Bucket4j refills at most one token per nanosecond, so finite rates are limited to 8 Gbit/s.
 */
public final class Bucket4jRateLimiter implements RateLimiter {

    /** The default burst: two 8 KiB chunks, as the leaky bucket. */
    public static final DataSize DEFAULT_BURST = DataSize.ofKibibytes(16);

    private final Bucket bucket;
    private final DataSize burst;
    private final LimiterRate rate;

    private Bucket4jRateLimiter(DataRate rate, DataSize burst, Ticker ticker) {
        this.rate = new LimiterRate(rate, new ReentrantLock());
        this.burst = burst;
        // an unlimited limiter still needs a bucket for a later finite rate; its configuration is replaced then
        this.bucket = Bucket.builder()
                .addLimit(ByteBandwidth.of(rate.isUnlimited() ? ByteBandwidth.FASTEST : rate, burst).getBandwidths()[0])
                .withCustomTimePrecision(new TickerTimeMeter(ticker))
                .build();
    }

    /**
     * A limiter at {@code rate} with {@code burst}, on {@code ticker}.
     *
     * @throws IllegalArgumentException if an argument is null, the burst is below 1 B, or the rate is
     *     finite and above 8 Gbit/s
     */
    public static Bucket4jRateLimiter of(DataRate rate, DataSize burst, Ticker ticker) {
        ByteBandwidth.requireSupported(rate);
        ByteBandwidth.requireBurst(burst);
        requireTicker(ticker);
        return new Bucket4jRateLimiter(rate, burst, ticker);
    }

    /** A limiter at {@code rate} with the default burst of 16 KiB, on the system ticker. */
    public static Bucket4jRateLimiter of(DataRate rate) {
        return of(rate, DEFAULT_BURST, Ticker.system());
    }

    @Override
    public long reserve(long bytes) {
        requireByteCount(bytes);
        DataRate current = rate.get();
        if (current.isUnlimited()) {
            return 0;
        }
        return bytes == 0 ? BucketWaits.estimate(bucket, 0, burst.bytes(), current) : BucketWaits.reserve(bucket, bytes);
    }

    @Override
    public long tryReserve(long bytes, long maxWaitNanos) {
        requireByteCount(bytes);
        requireMaxWait(maxWaitNanos);
        DataRate current = rate.get();
        if (current.isUnlimited()) {
            return 0;
        }
        return BucketWaits.tryReserve(bucket, bytes, maxWaitNanos, burst.bytes(), current);
    }

    @Override
    public long waitEstimate(long bytes) {
        requireByteCount(bytes);
        DataRate current = rate.get();
        return current.isUnlimited() ? 0 : BucketWaits.estimate(bucket, bytes, burst.bytes(), current);
    }

    @Override
    public void giveBack(long bytes) {
        requireByteCount(bytes);
        if (bytes > 0 && !rate.get().isUnlimited()) {
            bucket.addTokens(bytes);
        }
    }

    @Override
    public DataRate rate() {
        return rate.get();
    }

    /**
     * Changes the rate now: the backlog keeps its size in bytes and drains at the new rate; listeners are
     * told after the change. {@link DataRate#UNLIMITED} turns limiting off; a later finite rate starts
     * with a full burst.
     *
     * @throws IllegalArgumentException if {@code rate} is null or finite and above 8 Gbit/s
     */
    @Override
    public void setRate(DataRate rate) {
        this.rate.set(rate, (previous, next) -> {
            if (!next.isUnlimited()) {
                ByteBandwidth.reconfigure(bucket, previous, next, burst);
            }
        });
    }

    @Override
    public DataSize burst() {
        return burst;
    }

    @Override
    public void addListener(Listener listener) {
        rate.addListener(listener);
    }

    @Override
    public void removeListener(Listener listener) {
        rate.removeListener(listener);
    }

    @Override
    public String toString() {
        return "Bucket4jRateLimiter[rate=" + rate.get() + ", burst=" + burst + "]";
    }
}
