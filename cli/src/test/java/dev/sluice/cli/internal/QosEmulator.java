package dev.sluice.cli.internal;

import dev.sluice.api.Credentials;
import dev.sluice.emulator.OssEmulator;
import dev.sluice.emulator.QosLimits;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

/**
 * An emulator with resource pools for the {@code sluice qos} tests, and runs of {@code sluice} against it.
 * Each test case starts its own, so that no case sees another's QoS.
 */
final class QosEmulator implements AutoCloseable {

    static final String SECRET = "qos-s3cr3t-never-printed";
    static final Map<String, String> KEYS = Map.of(OssOptions.KEY_ID, "qos-test-id", OssOptions.KEY_SECRET, SECRET);
    /** 100 Gbit/s up (intranet 50, extranet 20), 80 Gbit/s down. */
    static final String AI_POOL = "pool-ai";
    /** 10 Gbit/s both ways. */
    static final String WEB_POOL = "pool-web";
    /** A timestamp as the tables and JSON print it, replaced by {@code <time>} before comparing. */
    private static final String TIME = "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z";

    private final OssEmulator emulator;

    QosEmulator() {
        emulator = OssEmulator.builder().credentials(Credentials.of("qos-test-id", SECRET))
                .resourcePool(AI_POOL, QosLimits.bandwidth(100, 50, 20, 80, -1, -1), "ai-bucket-1", "ai-bucket-2")
                .resourcePool(WEB_POOL, QosLimits.bandwidth(10, -1, -1, 10, -1, -1), "web-bucket")
                .bucket("lone-bucket").start();
    }

    /** {@code sluice qos ARGS --endpoint <emulator> --region <its region>} with the key pair in the environment. */
    Run qos(String... args) {
        return Run.in(KEYS, withEndpoint(args));
    }

    /** As {@link #qos} with {@code environment} in place of the key pair. */
    Run qosIn(Map<String, String> environment, String... args) {
        return Run.in(environment, withEndpoint(args));
    }

    private String[] withEndpoint(String... args) {
        return Stream.of(new String[] {"qos"}, args, new String[] {"--endpoint", emulator.endpoint().toString(),
            "--region", emulator.region()}).flatMap(Arrays::stream).toArray(String[]::new);
    }

    /** {@code text} with every timestamp replaced by {@code <time>}. */
    static String timeless(String text) {
        return text.replaceAll(TIME, "<time>");
    }

    @Override
    public void close() {
        emulator.close();
    }
}
