package dev.sluice.throttle.bucket4j;

/** A {@link RedisProcess} and the {@link RedisConnections} of the hosts using it, closed together. */
final class RedisFleet implements AutoCloseable {

    private final RedisProcess process;
    private final RedisConnections connections;

    private RedisFleet(RedisProcess process, RedisConnections connections) {
        this.process = process;
        this.connections = connections;
    }

    /** Starts a server for {@code purpose} (skipping, or failing in CI, without {@code redis-server}). */
    static RedisFleet start(String purpose) {
        RedisProcess process = RedisProcess.start(purpose);
        try {
            return new RedisFleet(process, new RedisConnections(process));
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
    }

    RedisProcess process() {
        return process;
    }

    RedisConnections connections() {
        return connections;
    }

    @Override
    public void close() {
        try {
            connections.close();
        } finally {
            process.close();
        }
    }
}
