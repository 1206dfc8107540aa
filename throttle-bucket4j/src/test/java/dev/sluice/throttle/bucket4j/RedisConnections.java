package dev.sluice.throttle.bucket4j;

import dev.sluice.api.Ticker;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Lettuce connections to a {@link RedisProcess}, each standing for one host; closed together. */
final class RedisConnections implements AutoCloseable {

    private final ClientResources resources;
    private final RedisClient client;
    private final List<StatefulRedisConnection<String, byte[]>> connections = new ArrayList<>();

    RedisConnections(RedisProcess redis) {
        // reconnect quickly after a restart; bound every command so a dead server cannot hang a test
        resources = ClientResources.builder().reconnectDelay(Delay.constant(Duration.ofMillis(50))).build();
        client = RedisClient.create(resources, redis.uri());
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .timeoutOptions(TimeoutOptions.enabled(Duration.ofSeconds(2)))
                .build());
    }

    /** A new connection (a new "host") with a proxy manager refilling on {@code clock}. */
    ProxyManager<String> proxyManager(Ticker clock) {
        return Bucket4jLettuce.casBasedBuilder(connect()).clientClock(new VirtualFleetClock(clock)).build();
    }

    /** A new connection (a new "host") with a proxy manager on Bucket4j's default clock, the wall clock. */
    ProxyManager<String> proxyManagerOnWallClock() {
        return Bucket4jLettuce.casBasedBuilder(connect()).build();
    }

    private StatefulRedisConnection<String, byte[]> connect() {
        StatefulRedisConnection<String, byte[]> connection =
                client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        connections.add(connection);
        return connection;
    }

    /**
     * Round trips the server has served for bucket commands so far: the calls of {@code GET}, {@code EVAL}
     * and {@code EVALSHA} in {@code INFO commandstats} (commands run inside a script, such as its
     * {@code SET}, are not round trips).
     */
    long bucketRoundTrips() {
        try (StatefulRedisConnection<String, String> admin = client.connect()) {
            long calls = 0;
            for (String line : admin.sync().info("commandstats").split("\\r?\\n")) {
                if (line.startsWith("cmdstat_get:") || line.startsWith("cmdstat_eval:") || line.startsWith("cmdstat_evalsha:")) {
                    int from = line.indexOf("calls=") + "calls=".length();
                    calls += Long.parseLong(line.substring(from, line.indexOf(',', from)));
                }
            }
            return calls;
        }
    }

    @Override
    public void close() {
        for (StatefulRedisConnection<String, byte[]> connection : connections) {
            connection.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown();
    }
}
