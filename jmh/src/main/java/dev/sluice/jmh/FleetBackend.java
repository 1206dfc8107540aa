package dev.sluice.jmh;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** A distributed store the fleet check can keep its shared budget in; each is started on loopback. */
enum FleetBackend {

    /** A {@code redis-server} child process on a free 127.0.0.1 port, reached through Lettuce. */
    REDIS("redis") {
        @Override
        FleetStore start(int clients) throws Exception {
            return RedisFleetStore.start(clients);
        }
    },

    /** An embedded two-member Hazelcast cluster on 127.0.0.1, the clients spread over the members. */
    HAZELCAST("hazelcast") {
        @Override
        FleetStore start(int clients) {
            return HazelcastFleetStore.start(clients);
        }
    };

    /** The {@code --backend} value that runs every backend, in declaration order. */
    static final String BOTH = "both";

    private final String id;

    FleetBackend(String id) {
        this.id = id;
    }

    /** The name used by {@code --backend} and in the report. */
    String id() {
        return id;
    }

    /** Starts the store with one connection ("host") per client; the caller closes it. */
    abstract FleetStore start(int clients) throws Exception;

    /**
     * The backends chosen by a {@code --backend} value: one by name, or {@value #BOTH}.
     *
     * @throws IllegalArgumentException naming the value and the allowed ones
     */
    static List<FleetBackend> chosenBy(String value) {
        if (BOTH.equals(value)) {
            return List.of(values());
        }
        for (FleetBackend backend : values()) {
            if (backend.id.equals(value)) {
                return List.of(backend);
            }
        }
        throw new IllegalArgumentException("--backend \"" + value + "\" is not a backend; allowed: " + allowed());
    }

    /** The allowed {@code --backend} values, separated by {@code |}. */
    static String allowed() {
        return Arrays.stream(values()).map(FleetBackend::id).collect(Collectors.joining("|")) + "|" + BOTH;
    }
}
