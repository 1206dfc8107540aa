package dev.sluice.throttle.internal;

import dev.sluice.throttle.Parker;
import java.util.concurrent.locks.LockSupport;

/** {@link Parker#system()}. */
public enum SystemParker implements Parker {
    INSTANCE;

    @Override
    public void park(long nanos) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        LockSupport.parkNanos(this, nanos);
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
    }

    @Override
    public void unpark(Thread thread) {
        LockSupport.unpark(thread);
    }
}
