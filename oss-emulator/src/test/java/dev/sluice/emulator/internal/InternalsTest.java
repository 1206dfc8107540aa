package dev.sluice.emulator.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import org.junit.jupiter.api.Test;

class InternalsTest {

    @Test
    void readsOneRangeAndIgnoresWhatOssIgnores() {
        assertArrayEquals(new long[] {0, 9}, Ranges.parse("bytes=0-9", 100));
        assertArrayEquals(new long[] {90, 99}, Ranges.parse("bytes=90-", 100));
        assertArrayEquals(new long[] {90, 99}, Ranges.parse("bytes=-10", 100));
        assertArrayEquals(new long[] {0, 99}, Ranges.parse("bytes=-1000", 100));
        assertArrayEquals(new long[] {50, 99}, Ranges.parse("bytes=50-1000", 100));
        assertNull(Ranges.parse("bytes=100-200", 100));
        assertNull(Ranges.parse("bytes=9-1", 100));
        assertNull(Ranges.parse("bytes=-0", 100));
        assertNull(Ranges.parse("bytes=-", 100));
        assertNull(Ranges.parse("bytes=0-1,3-4", 100));
        assertNull(Ranges.parse("bytes=0-1", 0));
    }

    @Test
    void decodesQueriesAsOssSignsThemAndDropsNamedParameters() {
        Query query = Query.parse("uploads&a=b%20c+d&x-oss-signature=abc&e=%E4%B8%AD&bad=%zz");

        assertEquals("", query.get("uploads").orElseThrow());
        assertEquals("b c+d", query.get("a").orElseThrow());
        assertEquals("中", query.get("e").orElseThrow());
        assertEquals("%zz", query.get("bad").orElseThrow());
        assertEquals("uploads&a=b%20c+d&e=%E4%B8%AD&bad=%zz", query.rawWithout(Set.of("x-oss-signature")));
        assertNull(Query.parse("x=1").rawWithout(Set.of("x")));
    }

    @Test
    void commandLineReadsEveryFlagAndRefusesUnknownOnes() {
        CommandLine line = CommandLine.parse(new String[] {"--port", "9000", "--access-key-id", "id", "--access-key-secret", "s",
            "--region", "cn-beijing", "--storage-dir", "/tmp/x", "--bucket", "a-b", "--bucket", "c-d"});

        assertEquals(9000, line.port());
        assertEquals("cn-beijing", line.region());
        assertEquals(java.util.List.of("a-b", "c-d"), line.buckets());
        assertEquals("unknown flag --host; known: --port, --access-key-id, --access-key-secret, --region, --storage-dir, --bucket",
                assertThrows(IllegalArgumentException.class, () -> CommandLine.parse(new String[] {"--host", "0.0.0.0"})).getMessage());
        assertEquals("--port must be within 0..65535, was x",
                assertThrows(IllegalArgumentException.class, () -> CommandLine.parse(new String[] {"--port", "x"})).getMessage());
        assertEquals("--access-key-id and --access-key-secret are required: the emulator verifies every signature",
                assertThrows(IllegalArgumentException.class, () -> CommandLine.parse(new String[0])).getMessage());
        assertEquals(false, line.toString().contains("--access-key-secret"));
    }
}
