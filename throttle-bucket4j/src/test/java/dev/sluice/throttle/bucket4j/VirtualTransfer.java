package dev.sluice.throttle.bucket4j;

import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import dev.sluice.testkit.ManualTicker;
import java.util.ArrayList;
import java.util.List;

/**
 * Hosts sending in chunks, each paced by its own limiter on a shared fleet budget, interleaved on
 * virtual time: the host whose reservation falls due first sends its chunk, then reserves the next.
 * After every chunk it checks the fleet total against the budget, {@code burst + rate × elapsed}, and
 * keeps the largest excess. A host whose limiter throws stops; the others go on.
 */
final class VirtualTransfer {

    private final ManualTicker time;
    private final DataRate rate;
    private final DataSize burst;
    private final long chunk;
    private final List<Host> hosts = new ArrayList<>();
    private final long start;
    private long sent;
    private long largestExcess = Long.MIN_VALUE;

    VirtualTransfer(ManualTicker time, DataRate rate, DataSize burst, long chunk) {
        this.time = time;
        this.rate = rate;
        this.burst = burst;
        this.chunk = chunk;
        this.start = time.read();
    }

    /** One sending host. */
    static final class Host {
        final FleetRateLimiter limiter;
        long sent;
        long readyAt;
        RuntimeException failure;

        Host(FleetRateLimiter limiter) {
            this.limiter = limiter;
        }
    }

    Host add(FleetRateLimiter limiter) {
        Host host = new Host(limiter);
        hosts.add(host);
        reserveNext(host);
        return host;
    }

    /** Sends until the fleet has sent {@code bytes} more, or no host is left. */
    void sendFleetTotal(long bytes) {
        long target = sent + bytes;
        while (sent < target) {
            Host next = null;
            for (Host host : hosts) {
                if (host.failure == null && (next == null || host.readyAt < next.readyAt)) {
                    next = host;
                }
            }
            if (next == null) {
                return;
            }
            time.advance(Math.max(0, next.readyAt - time.read()));
            next.sent += chunk;
            sent += chunk;
            largestExcess = Math.max(largestExcess, sent - budgetSoFar());
            reserveNext(next);
        }
    }

    private void reserveNext(Host host) {
        try {
            host.readyAt = time.read() + host.limiter.reserve(chunk);
        } catch (RuntimeException e) {
            host.failure = e;
        }
    }

    /** What the budget allows by now: one burst plus the rate times the time elapsed. */
    long budgetSoFar() {
        return burst.bytes() + rate.bytesIn(time.read() - start);
    }

    long sent() {
        return sent;
    }

    long elapsedNanos() {
        return time.read() - start;
    }

    /** The most the fleet total ever stood above the budget (negative: always below). */
    long largestExcess() {
        return largestExcess;
    }

    long remoteCommands() {
        long commands = 0;
        for (Host host : hosts) {
            commands += host.limiter.remoteCommands();
        }
        return commands;
    }
}
