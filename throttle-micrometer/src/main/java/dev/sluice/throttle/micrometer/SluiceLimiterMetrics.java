package dev.sluice.throttle.micrometer;

import dev.sluice.throttle.LimiterStatistics;
import dev.sluice.throttle.MeteredRateLimiter;
import dev.sluice.throttle.RateTracker;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Locale;

/**
 * Publishes a {@link MeteredRateLimiter} to a Micrometer {@link MeterRegistry}, so applications that use
 * Micrometer see Sluice on their dashboards. Every meter carries the tags {@code limiter} (the name given)
 * and {@code direction} ({@code up}, {@code down} or {@code both}), plus any extra tags:
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type</th><th>base unit</th><th>value</th></tr>
 *   <tr><td>{@value #CONFIGURED_RATE}</td><td>gauge</td><td>bytes.per.second</td>
 *       <td>the limiter's rate now; +Inf when limiting is off</td></tr>
 *   <tr><td>{@value #MEASURED_RATE}</td><td>gauge</td><td>bytes.per.second</td>
 *       <td>bytes granted within the last second, per second; or the rate of a given {@link RateTracker}</td></tr>
 *   <tr><td>{@value #GRANTED}</td><td>function counter</td><td>bytes</td><td>bytes granted so far</td></tr>
 *   <tr><td>{@value #GIVEN_BACK}</td><td>function counter</td><td>bytes</td><td>bytes given back so far</td></tr>
 *   <tr><td>{@value #WAIT}</td><td>function counter</td><td>seconds</td>
 *       <td>the waits imposed so far, each as priced when granted</td></tr>
 *   <tr><td>{@value #WAITERS}</td><td>gauge</td><td>(none)</td><td>grants whose wait has not run out</td></tr>
 * </table>
 *
 * <pre>{@code
 * MeteredRateLimiter uploads = MeteredRateLimiter.of(LeakyBucket.of(DataRate.ofBitsPerSecond(819_200)));
 * SluiceLimiterMetrics.builder("uploads", uploads).direction(SluiceLimiterMetrics.Direction.UP).build()
 *         .bindTo(registry);
 * }</pre>
 *
 * <p>As Micrometer's own binders do, the meters hold the limiter (and tracker) weakly: keep a reference to
 * them for as long as they should be reported.
 */
public final class SluiceLimiterMetrics implements MeterBinder {

    /** Gauge: the configured rate, bytes per second. */
    public static final String CONFIGURED_RATE = "sluice.limiter.rate.configured";
    /** Gauge: the measured rate, bytes per second. */
    public static final String MEASURED_RATE = "sluice.limiter.rate.measured";
    /** Function counter: bytes granted. */
    public static final String GRANTED = "sluice.limiter.granted";
    /** Function counter: bytes given back. */
    public static final String GIVEN_BACK = "sluice.limiter.given.back";
    /** Function counter: time waited, seconds. */
    public static final String WAIT = "sluice.limiter.wait";
    /** Gauge: grants still waiting. */
    public static final String WAITERS = "sluice.limiter.waiters";
    /** The tag naming the limiter. */
    public static final String LIMITER_TAG = "limiter";
    /** The tag naming the direction the limiter paces. */
    public static final String DIRECTION_TAG = "direction";

    private static final String BYTES_PER_SECOND = "bytes.per.second";
    private static final double NANOS_PER_SECOND = 1e9;

    private final MeteredRateLimiter limiter;
    private final RateTracker measured;
    private final Tags tags;

    private SluiceLimiterMetrics(Builder builder) {
        this.limiter = builder.limiter;
        this.measured = builder.measured;
        this.tags = Tags.of(LIMITER_TAG, builder.name, DIRECTION_TAG, builder.direction.tagValue()).and(builder.extraTags);
    }

    /**
     * A builder for the meters of {@code limiter}, tagged {@code limiter=name}.
     *
     * @throws IllegalArgumentException if {@code name} is null or blank, or {@code limiter} is null
     */
    public static Builder builder(String name, MeteredRateLimiter limiter) {
        return new Builder(name, limiter);
    }

    /** The tags every meter of this binder carries. */
    public Tags tags() {
        return tags;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(CONFIGURED_RATE, limiter, l -> l.rate().bytesPerSecond())
                .description("The rate the Sluice limiter is set to; +Inf when limiting is off")
                .baseUnit(BYTES_PER_SECOND).tags(tags).register(registry);
        if (measured != null) {
            Gauge.builder(MEASURED_RATE, measured, RateTracker::bytesPerSecond)
                    .description("The rate measured by the given tracker")
                    .baseUnit(BYTES_PER_SECOND).tags(tags).register(registry);
        } else {
            Gauge.builder(MEASURED_RATE, limiter, l -> l.statistics().measuredBytesPerSecond())
                    .description("The bytes the Sluice limiter granted within the last second, per second")
                    .baseUnit(BYTES_PER_SECOND).tags(tags).register(registry);
        }
        FunctionCounter.builder(GRANTED, limiter, l -> l.statistics().bytesGranted())
                .description("Bytes the Sluice limiter granted, including bytes later given back")
                .baseUnit(BaseUnits.BYTES).tags(tags).register(registry);
        FunctionCounter.builder(GIVEN_BACK, limiter, l -> l.statistics().bytesGivenBack())
                .description("Bytes given back to the Sluice limiter unused")
                .baseUnit(BaseUnits.BYTES).tags(tags).register(registry);
        FunctionCounter.builder(WAIT, limiter, l -> waitSeconds(l.statistics()))
                .description("The waits the Sluice limiter imposed, each as priced when granted")
                .baseUnit("seconds").tags(tags).register(registry);
        Gauge.builder(WAITERS, limiter, l -> l.statistics().waiters())
                .description("Grants of the Sluice limiter whose wait has not run out")
                .tags(tags).register(registry);
    }

    private static double waitSeconds(LimiterStatistics statistics) {
        return statistics.timeWaited().toNanos() / NANOS_PER_SECOND;
    }

    @Override
    public String toString() {
        return "SluiceLimiterMetrics[" + tags + "]";
    }

    /** Which traffic a limiter paces, for the {@value #DIRECTION_TAG} tag. */
    public enum Direction {
        /** Uploads only. */
        UP,
        /** Downloads only. */
        DOWN,
        /** Uploads and downloads alike. */
        BOTH;

        String tagValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Configures a {@link SluiceLimiterMetrics}. */
    public static final class Builder {

        private final String name;
        private final MeteredRateLimiter limiter;
        private Direction direction = Direction.BOTH;
        private Tags extraTags = Tags.empty();
        private RateTracker measured;

        private Builder(String name, MeteredRateLimiter limiter) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("limiter name must not be blank, was " + (name == null ? "null" : "\"" + name + "\""));
            }
            if (limiter == null) {
                throw new IllegalArgumentException("limiter must not be null");
            }
            this.name = name;
            this.limiter = limiter;
        }

        /** The {@value SluiceLimiterMetrics#DIRECTION_TAG} tag; {@link Direction#BOTH} by default. */
        public Builder direction(Direction direction) {
            if (direction == null) {
                throw new IllegalArgumentException("direction must not be null");
            }
            this.direction = direction;
            return this;
        }

        /** More tags for every meter, e.g. {@code bucket=examplebucket}. */
        public Builder tags(Iterable<Tag> tags) {
            if (tags == null) {
                throw new IllegalArgumentException("tags must not be null");
            }
            this.extraTags = this.extraTags.and(tags);
            return this;
        }

        /**
         * Takes the measured rate from {@code tracker} (say, one fed by a throttled stream's progress, which
         * counts bytes when they move rather than when they are granted) instead of the limiter's grants.
         */
        public Builder measuredRate(RateTracker tracker) {
            if (tracker == null) {
                throw new IllegalArgumentException("rate tracker must not be null");
            }
            this.measured = tracker;
            return this;
        }

        /** The binder; call {@link SluiceLimiterMetrics#bindTo(MeterRegistry)} to register the meters. */
        public SluiceLimiterMetrics build() {
            return new SluiceLimiterMetrics(this);
        }
    }
}
