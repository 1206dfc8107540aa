package dev.sluice.oss;

import dev.sluice.api.Credentials;
import dev.sluice.api.Request;
import dev.sluice.api.Signer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A signer for tests: a fixed Authorization header, and a presigned URL that shows what it was given. */
final class FixedSigner implements Signer {

    static final String AUTHORIZATION = "OSS test";

    final List<Instant> signedAt = new ArrayList<>();
    final List<Request> signed = new ArrayList<>();

    @Override
    public Request sign(Request request, Credentials credentials, Instant now) {
        signedAt.add(now);
        Request result = request.withHeader("Authorization", AUTHORIZATION);
        signed.add(result);
        return result;
    }

    @Override
    public URI presign(Request request, Credentials credentials, Instant now, Duration expiry) {
        String raw = request.uri().toString();
        return URI.create(raw + (request.uri().getRawQuery() == null ? "?" : "&") + "x-oss-access-key-id="
                + credentials.accessKeyId() + "&x-oss-expires=" + expiry.getSeconds() + "&x-oss-date=" + now.getEpochSecond()
                + "&x-oss-signature=fixed");
    }
}
