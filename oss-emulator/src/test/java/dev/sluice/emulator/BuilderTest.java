package dev.sluice.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Credentials;
import dev.sluice.api.DataSize;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class BuilderTest {

    @Test
    void listensOn127001WithAnEphemeralPort() {
        try (OssEmulator emulator = TestClient.emulator().start()) {
            assertEquals("127.0.0.1", emulator.endpoint().getHost());
            assertTrue(emulator.port() > 0);
            assertEquals("http://127.0.0.1:" + emulator.port(), emulator.endpoint().toString());
            assertTrue(InetAddress.getLoopbackAddress().isLoopbackAddress());
        }
    }

    @Test
    void refusesToStartWithoutAKeyPair() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OssEmulator.builder().start());

        assertEquals("at least one key pair is required: the emulator verifies every signature", e.getMessage());
    }

    @Test
    void refusesBadSettingsWithMessagesNamingTheValue() {
        OssEmulator.Builder builder = OssEmulator.builder();

        assertEquals("port must be within 0..65535, was 70000",
                assertThrows(IllegalArgumentException.class, () -> builder.port(70_000)).getMessage());
        assertEquals("bucket name \"Bad_Bucket\" breaks the OSS rules: 3..63 characters, lower-case letters, digits and"
                + " hyphens, not starting or ending with a hyphen",
                assertThrows(IllegalArgumentException.class, () -> builder.bucket("Bad_Bucket")).getMessage());
        assertEquals("region \"CN Hangzhou\" is not an OSS region id (lower-case letters, digits and hyphens, e.g. cn-hangzhou)",
                assertThrows(IllegalArgumentException.class, () -> builder.region("CN Hangzhou")).getMessage());
        assertEquals("traffic-limit burst must be at least 1 B, was 0 B",
                assertThrows(IllegalArgumentException.class, () -> builder.trafficLimitBurst(DataSize.ZERO)).getMessage());
        builder.credentials(Credentials.of("id", "secret"));
        assertEquals("access key id id is configured twice",
                assertThrows(IllegalArgumentException.class, () -> builder.credentials(Credentials.of("id", "other"))).getMessage());
    }

    @Test
    void dropsTheOssPrefixOfTheRegion() {
        try (OssEmulator emulator = TestClient.emulator().region("oss-cn-beijing").start()) {
            assertEquals("cn-beijing", emulator.region());
        }
    }

    @Test
    void toStringNamesNoSecret() {
        try (OssEmulator emulator = TestClient.emulator().start()) {
            assertTrue(emulator.toString().startsWith("OssEmulator[http://127.0.0.1:"), emulator.toString());
            assertTrue(!emulator.toString().contains(TestClient.KEY.accessKeySecret()));
        }
    }
}
