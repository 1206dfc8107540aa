package dev.sluice.jmh;

import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The fleet budget in a real Redis: a {@link RedisServer} child process and one Lettuce connection per
 * client, each with Bucket4j's compare-and-swap proxy manager on the wall clock. Round trips are read from
 * the server's {@code INFO commandstats}.
 */
final class RedisFleetStore implements FleetStore {

    /** The commands of Bucket4j's Lettuce compare-and-swap that are network round trips. */
    static final List<String> BUCKET_COMMANDS = List.of("get", "eval", "evalsha");

    private final RedisServer server;
    private final RedisClient client;
    private final List<StatefulRedisConnection<String, byte[]>> connections = new ArrayList<>();
    private final List<ProxyManager<String>> proxyManagers = new ArrayList<>();
    private StatefulRedisConnection<String, String> admin;

    private RedisFleetStore(RedisServer server) {
        this.server = server;
        this.client = RedisClient.create(server.uri());
        // a dead server fails a command after 2 s instead of hanging the check
        client.setOptions(ClientOptions.builder().timeoutOptions(TimeoutOptions.enabled(Duration.ofSeconds(2))).build());
    }

    /** Starts {@code redis-server} and connects {@code clients} hosts to it. */
    static RedisFleetStore start(int clients) throws IOException {
        RedisServer server = RedisServer.start();
        RedisFleetStore store = new RedisFleetStore(server);
        try {
            store.admin = store.client.connect();
            for (int i = 0; i < clients; i++) {
                StatefulRedisConnection<String, byte[]> connection =
                        store.client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
                store.connections.add(connection);
                store.proxyManagers.add(Bucket4jLettuce.casBasedBuilder(connection).build());
            }
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    @Override
    public ProxyManager<String> proxyManager(int client) {
        return proxyManagers.get(client);
    }

    @Override
    public OptionalLong bucketRoundTrips() {
        return OptionalLong.of(bucketRoundTrips(admin.sync().info("commandstats")));
    }

    @Override
    public String description() {
        String version = "?";
        for (String line : admin.sync().info("server").split("\\r?\\n")) {
            if (line.startsWith("redis_version:")) {
                version = line.substring("redis_version:".length()).strip();
            }
        }
        return "redis-server " + version + " on " + server.uri() + " (no persistence), " + connections.size()
                + " Lettuce connections, Bucket4j compare-and-swap";
    }

    /**
     * The calls of Bucket4j's round-trip commands ({@link #BUCKET_COMMANDS}) in the text of
     * {@code INFO commandstats}: lines such as {@code cmdstat_get:calls=12,usec=...}. Commands run inside a
     * script (its {@code SET}) are not round trips and are not counted.
     *
     * @throws IllegalArgumentException if a bucket command's line has no readable {@code calls=}
     */
    static long bucketRoundTrips(String commandstats) {
        long calls = 0;
        for (String line : commandstats.split("\\r?\\n")) {
            int colon = line.indexOf(':');
            if (!line.startsWith("cmdstat_") || colon < 0
                    || !BUCKET_COMMANDS.contains(line.substring("cmdstat_".length(), colon))) {
                continue;
            }
            int from = line.indexOf("calls=", colon);
            if (from < 0) {
                throw new IllegalArgumentException("no calls= in the commandstats line \"" + line + "\"");
            }
            from += "calls=".length();
            int to = line.indexOf(',', from);
            try {
                calls += Long.parseLong(line.substring(from, to < 0 ? line.length() : to).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("unreadable calls= in the commandstats line \"" + line + "\"");
            }
        }
        return calls;
    }

    @Override
    public void close() {
        try {
            for (StatefulRedisConnection<String, byte[]> connection : connections) {
                connection.close();
            }
            if (admin != null) {
                admin.close();
            }
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        } finally {
            server.close();
        }
    }
}
