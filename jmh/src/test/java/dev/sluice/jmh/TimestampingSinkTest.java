package dev.sluice.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** How the sink splits the measured payload from the after-idle one (no idle time, no link: no waiting). */
class TimestampingSinkTest {

    @Test
    void writesAfterTheMeasuredBytesGoToTheAfterIdleLog() {
        byte[] payload = CheckExits.payload(5 * 1024);
        TimestampingSink sink = new TimestampingSink(payload.length, 8, 3 * 1024, 0, 0);

        sink.write(payload, 0, 2048);
        sink.write(payload, 2048, 1024); // completes the measured 3 KiB
        sink.write(payload, 3072, 2048);

        assertEquals(2, sink.log().releases());
        assertEquals(3072, sink.log().totalBytes());
        assertEquals(1, sink.afterIdleLog().releases());
        assertEquals(2048, sink.afterIdleLog().totalBytes());
        assertTrue(sink.holdsExactly(payload));
    }

    @Test
    void cpuIsReadWhenTheMeasuredBytesHaveArrived() {
        TimestampingSink sink = new TimestampingSink(4, 4, 2, 0, 0);

        sink.write(new byte[] {1}, 0, 1);
        assertEquals(-1, sink.mainDoneCpuNanos());
        sink.write(new byte[] {2}, 0, 1);

        assertTrue(sink.mainDoneCpuNanos() >= 0 || TimestampingSink.threadCpuNanos() == -1);
    }

    @Test
    void withoutAnIdlePhaseEveryWriteIsMeasured() {
        byte[] payload = CheckExits.payload(4096);
        TimestampingSink sink = new TimestampingSink(payload.length, 4);

        sink.write(payload, 0, 4096);

        assertEquals(4096, sink.log().totalBytes());
        assertEquals(0, sink.afterIdleLog().releases());
    }
}
