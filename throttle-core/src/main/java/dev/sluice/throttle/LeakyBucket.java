package dev.sluice.throttle;

import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import dev.sluice.api.RateLimiter;
import dev.sluice.api.Ticker;
import dev.sluice.throttle.internal.Retiming;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sluice's own {@link RateLimiter}: a leaky bucket run as a GCRA (generic cell rate algorithm, virtual
 * scheduling). Its whole state is one {@code long}, the <em>theoretical arrival time</em> (TAT): the
 * instant at which every byte reserved so far has drained at the configured rate. A reservation of
 * {@code n} bytes moves the TAT forward by the time {@code n} bytes take, and may go at
 * {@code TAT - burst time}; the update is one compare-and-set, without locks or allocation.
 *
 * <p>Deadlines are absolute, so a late wake-up never turns into rate error: a waiter woken 2 ms late
 * simply finds the next reservation 2 ms closer. Up to {@link #burst()} bytes go at once after an idle
 * period, and never more, however long the idle was.
 *
 * <pre>{@code
 * LeakyBucket bucket = LeakyBucket.builder()
 *     .rate(DataRate.ofBitsPerSecond(819_200))    // 100 KiB/s
 *     .burst(DataSize.ofKibibytes(16))            // the default
 *     .build();
 * long waitNanos = bucket.reserve(8192);          // 0 now, then 80 ms apart once the burst is used
 * }</pre>
 */
public final class LeakyBucket implements RateLimiter {

    /** The default burst: two 8 KiB chunks. */
    public static final DataSize DEFAULT_BURST = DataSize.ofKibibytes(16);

    /** Marks the schedule while {@link #setRate} converts it. */
    private static final long FROZEN = Long.MIN_VALUE;
    /** The most time a backlog may reach (about 73 years), so that no deadline overflows. */
    private static final long MAX_BACKLOG_NANOS = Long.MAX_VALUE / 4;

    private final Ticker ticker;
    private final DataSize burst;
    private final AtomicLong theoreticalArrival;
    private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();
    private final Object rateChangeLock = new Object();
    private volatile Pace pace;

    private LeakyBucket(Builder builder) {
        this.ticker = builder.ticker;
        this.burst = builder.burst;
        this.pace = new Pace(builder.rate, burst);
        long missingCredit = builder.rate.nanosToSend(burst.bytes() - builder.initialCredit.bytes());
        this.theoreticalArrival = new AtomicLong(ticker.read() + missingCredit);
    }

    /** A builder; {@link Builder#rate(DataRate)} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** A bucket at {@code rate} with the default burst of 16 KiB, on the system ticker. */
    public static LeakyBucket of(DataRate rate) {
        return builder().rate(rate).build();
    }

    @Override
    public long reserve(long bytes) {
        return reserve(bytes, Long.MAX_VALUE, true);
    }

    @Override
    public long tryReserve(long bytes, long maxWaitNanos) {
        if (maxWaitNanos < 0) {
            throw new IllegalArgumentException("maximum wait must be at least 0 ns, was " + maxWaitNanos + " ns");
        }
        return reserve(bytes, maxWaitNanos, true);
    }

    @Override
    public long waitEstimate(long bytes) {
        return reserve(bytes, Long.MAX_VALUE, false);
    }

    private long reserve(long bytes, long maxWaitNanos, boolean commit) {
        requireByteCount(bytes);
        // one clock reading for every attempt: a retry after a lost compare-and-set is at most a few
        // nanoseconds late, which only lengthens the wait by as much, and the clock is the costly part.
        // It is read only once the limit is known to be on: with limiting off a grant reads no clock.
        long now = 0;
        boolean clockRead = false;
        while (true) {
            long tat = theoreticalArrival.get();
            if (tat == FROZEN) {
                Thread.onSpinWait(); // a rate change is converting the schedule; it holds no lock we need
                continue;
            }
            // read after the schedule: a rate change publishes its pace before it unfreezes the schedule,
            // and changes the schedule's value, so a stale pace never commits
            Pace current = pace;
            if (current.rate.isUnlimited()) {
                return 0;
            }
            if (!clockRead) {
                now = ticker.read();
                clockRead = true;
            }
            long backlog = Math.max(0, tat - now);
            long cost = Math.min(current.rate.nanosToSend(bytes), MAX_BACKLOG_NANOS - Math.min(backlog, MAX_BACKLOG_NANOS));
            long next = now + backlog + cost;
            long wait = Math.max(0, backlog + cost - current.burstNanos);
            if (wait > maxWaitNanos) {
                return REFUSED;
            }
            if (!commit || cost == 0 || theoreticalArrival.compareAndSet(tat, next)) {
                return wait;
            }
        }
    }

    @Override
    public void giveBack(long bytes) {
        requireByteCount(bytes);
        while (true) {
            long tat = theoreticalArrival.get();
            if (tat == FROZEN) {
                Thread.onSpinWait();
                continue;
            }
            long cost = pace.rate.nanosToSend(bytes);
            if (cost == 0) {
                return;
            }
            // below "now" a schedule means full credit either way: stop there, never underflow
            long now = ticker.read();
            long earlier = tat - now > cost ? tat - cost : Math.min(tat, now);
            if (theoreticalArrival.compareAndSet(tat, earlier)) {
                return;
            }
        }
    }

    @Override
    public DataRate rate() {
        return pace.rate;
    }

    /**
     * Changes the rate now. The backlog already reserved keeps its size in bytes and drains at the new
     * rate, and listeners re-time their waits the same way; credit left from an idle period is kept in
     * bytes too. {@link DataRate#UNLIMITED} turns limiting off; a later finite rate starts with a full burst.
     */
    @Override
    public void setRate(DataRate rate) {
        if (rate == null) {
            throw new IllegalArgumentException("rate must not be null (use DataRate.UNLIMITED for no limit)");
        }
        DataRate previous;
        synchronized (rateChangeLock) {
            previous = pace.rate;
            if (previous.equals(rate)) {
                return;
            }
            // freeze the schedule, swap the pace, then convert and unfreeze: no reservation can combine
            // the old pace with the new schedule or the other way round
            long tat = theoreticalArrival.getAndSet(FROZEN);
            pace = new Pace(rate, burst);
            long now = ticker.read();
            long converted = now + Retiming.scale(tat - now, previous, rate);
            // a changed value makes every reservation that read the old schedule retry its compare-and-set;
            // when the value would stay the same, nudge it by 1 ns in the direction that never speeds pacing up
            if (converted == tat) {
                converted = converted - now > 0 ? converted + 1 : converted - 1;
            }
            theoreticalArrival.set(converted);
        }
        for (Listener listener : listeners) {
            listener.rateChanged(previous, rate);
        }
    }

    @Override
    public DataSize burst() {
        return burst;
    }

    @Override
    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    @Override
    public String toString() {
        return "LeakyBucket[rate=" + pace.rate + ", burst=" + burst + "]";
    }

    private static void requireByteCount(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("byte count must be at least 0 B, was " + bytes + " B");
        }
    }

    /** The rate and the burst expressed as time at that rate, swapped together. */
    private static final class Pace {
        final DataRate rate;
        final long burstNanos;

        Pace(DataRate rate, DataSize burst) {
            this.rate = rate;
            this.burstNanos = rate.nanosToSend(burst.bytes());
        }
    }

    /** Configures a {@link LeakyBucket}. Each setter checks its value; {@link #build()} checks the whole. */
    public static final class Builder {
        private DataRate rate;
        private DataSize burst = DEFAULT_BURST;
        private DataSize initialCredit;
        private Ticker ticker = Ticker.system();

        private Builder() {
        }

        /** The rate; required. {@link DataRate#UNLIMITED} builds a bucket that starts switched off. */
        public Builder rate(DataRate rate) {
            if (rate == null) {
                throw new IllegalArgumentException("rate must not be null (use DataRate.UNLIMITED for no limit)");
            }
            this.rate = rate;
            return this;
        }

        /** The most that goes at once after idle; at least 1 B. Default {@link #DEFAULT_BURST}. */
        public Builder burst(DataSize burst) {
            if (burst == null || burst.bytes() < 1) {
                throw new IllegalArgumentException("burst must be at least 1 B, was " + burst);
            }
            this.burst = burst;
            return this;
        }

        /**
         * How much may go at once at start: from {@link DataSize#ZERO} (start empty: the first byte waits)
         * up to the burst (start full, the default).
         */
        public Builder initialCredit(DataSize initialCredit) {
            if (initialCredit == null) {
                throw new IllegalArgumentException("initial credit must not be null");
            }
            this.initialCredit = initialCredit;
            return this;
        }

        /** The time source; default {@link Ticker#system()}. */
        public Builder ticker(Ticker ticker) {
            if (ticker == null) {
                throw new IllegalArgumentException("ticker must not be null (use Ticker.system())");
            }
            this.ticker = ticker;
            return this;
        }

        /** @throws IllegalStateException if the rate is missing or the initial credit exceeds the burst */
        public LeakyBucket build() {
            if (rate == null) {
                throw new IllegalStateException("rate is required, e.g. rate(DataRate.ofBitsPerSecond(819_200))");
            }
            if (initialCredit == null) {
                initialCredit = burst;
            }
            if (initialCredit.compareTo(burst) > 0) {
                throw new IllegalStateException("initial credit " + initialCredit + " exceeds the burst " + burst);
            }
            return new LeakyBucket(this);
        }
    }
}
