package dev.sluice.throttle.bucket4j;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A store the tests run against (a {@link RedisFleet}, an {@link EmbeddedHazelcast}), started and closed
 * by JUnit: registered with {@code @RegisterExtension} on a static field it lives for the test class, on
 * an instance field for each test.
 */
final class Started<T extends AutoCloseable> implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {

    private final Supplier<T> start;
    private T store;
    /** Whether this was started for one test (an instance field) rather than for the class. */
    private boolean perTest;

    private Started(Supplier<T> start) {
        this.start = start;
    }

    /** A store that {@code start} starts (or skips the tests, see {@link RedisProcess#start}). */
    static <T extends AutoCloseable> Started<T> by(Supplier<T> start) {
        return new Started<>(start);
    }

    /** The running store. */
    T get() {
        if (store == null) {
            throw new IllegalStateException("not started: register this with @RegisterExtension");
        }
        return store;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        store = start.get();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        // a static field has started it in beforeAll; an instance field gets only the per-test callbacks
        if (store == null) {
            perTest = true;
            store = start.get();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (perTest) {
            close();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        close();
    }

    private void close() throws Exception {
        T started = store;
        store = null;
        if (started != null) {
            started.close();
        }
    }
}
