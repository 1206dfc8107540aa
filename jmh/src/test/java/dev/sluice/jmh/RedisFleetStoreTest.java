package dev.sluice.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Reading Bucket4j's round trips out of {@code INFO commandstats} text (no server needed). */
class RedisFleetStoreTest {

    @Test
    void countsTheCallsOfGetEvalAndEvalshaOnly() {
        String info = "# Commandstats\r\n"
                + "cmdstat_get:calls=102,usec=410,usec_per_call=4.02,rejected_calls=0,failed_calls=0\r\n"
                + "cmdstat_set:calls=7,usec=20,usec_per_call=2.86,rejected_calls=0,failed_calls=0\r\n"
                + "cmdstat_eval:calls=51,usec=900,usec_per_call=17.65,rejected_calls=0,failed_calls=0\r\n"
                + "cmdstat_evalsha:calls=3,usec=9,usec_per_call=3.00,rejected_calls=0,failed_calls=0\r\n"
                + "cmdstat_getex:calls=1000,usec=9,usec_per_call=3.00,rejected_calls=0,failed_calls=0\r\n"
                + "cmdstat_info:calls=2,usec=80,usec_per_call=40.00,rejected_calls=0,failed_calls=0\r\n";

        assertEquals(102 + 51 + 3, RedisFleetStore.bucketRoundTrips(info));
    }

    @Test
    void countsNothingBeforeAnyBucketCommand() {
        assertEquals(0, RedisFleetStore.bucketRoundTrips("# Commandstats\ncmdstat_hello:calls=3,usec=1\n"));
    }

    @Test
    void refusesABucketCommandLineWithoutReadableCalls() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RedisFleetStore.bucketRoundTrips("cmdstat_eval:usec=9\n"));
        assertEquals("no calls= in the commandstats line \"cmdstat_eval:usec=9\"", e.getMessage());
    }
}
