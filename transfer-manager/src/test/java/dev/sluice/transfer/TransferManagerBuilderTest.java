package dev.sluice.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * The builder checks the endpoint when it is set, before {@code build()} makes a transport by provider name
 * that a later failure would leak.
 */
class TransferManagerBuilderTest {

    @Test
    void anFtpEndpointIsRefusedWhenSetNamingTheEndpoint() {
        TransferManager.Builder builder = TransferManager.builder();

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> builder.endpoint(URI.create("ftp://oss-cn-hangzhou.aliyuncs.com")));

        assertEquals("endpoint must be an http or https URI with a host and no path, query or user info, was"
                + " ftp://oss-cn-hangzhou.aliyuncs.com", refused.getMessage());
    }

    @Test
    void anEndpointWithAPathIsRefusedWhenSet() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> TransferManager.builder().endpoint(URI.create("https://oss-cn-hangzhou.aliyuncs.com/bucket")));

        assertEquals("endpoint must be an http or https URI with a host and no path, query or user info, was"
                + " https://oss-cn-hangzhou.aliyuncs.com/bucket", refused.getMessage());
    }

    @Test
    void aNullEndpointIsRefusedWithItsName() {
        assertEquals("endpoint must not be null",
                assertThrows(IllegalArgumentException.class, () -> TransferManager.builder().endpoint(null)).getMessage());
    }
}
