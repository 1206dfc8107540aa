package dev.sluice.jmh;

import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.util.OptionalLong;

/**
 * A running distributed store with one connection per client, each standing for one host of the fleet.
 * Closing it stops whatever it started.
 */
interface FleetStore extends AutoCloseable {

    /** Client {@code client}'s proxy manager (its own connection); the same one on every call. */
    ProxyManager<String> proxyManager(int client);

    /**
     * The network round trips the store has served for bucket commands so far, when it can tell (read
     * from the store itself, not counted by the client); empty when it cannot.
     */
    OptionalLong bucketRoundTrips();

    /** What was started, with its version, for the report. */
    String description();

    /** Stops the store; never throws. */
    @Override
    void close();
}
