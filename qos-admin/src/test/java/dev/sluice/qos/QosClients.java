package dev.sluice.qos;

import dev.sluice.api.Credentials;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Clients of the tests: a fixed clock, test credentials, the Hangzhou region endpoint. */
final class QosClients {

    static final Instant NOW = Instant.parse("2025-01-15T08:00:00Z");
    static final Credentials CREDENTIALS = Credentials.of("LTAI-test-key", "test-secret");
    static final URI HANGZHOU = URI.create("https://oss-cn-hangzhou.aliyuncs.com");

    private QosClients() {
    }

    /** A builder on {@code transport} with everything else fixed. */
    static QosAdminClientBuilder on(RecordingTransport transport) {
        return QosAdminClient.builder().endpoint(HANGZHOU).region("cn-hangzhou").credentials(CREDENTIALS)
                .transport(transport).clock(Clock.fixed(NOW, ZoneOffset.UTC));
    }
}
