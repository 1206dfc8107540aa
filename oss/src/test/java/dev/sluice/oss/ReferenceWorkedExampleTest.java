package dev.sluice.oss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.api.Credentials;
import dev.sluice.api.Request;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The reference's worked example ({@code oss-protocol.md} 1.1, {@code v4-hdr-09}) through the public signer. */
class ReferenceWorkedExampleTest {

    @Test
    void regionLevelListResourcePoolRequesterQosInfosSignsWithTheReferenceSignature() {
        OssV4Signer signer = OssV4Signer.builder().region("cn-hangzhou").build();
        Request request = Request.of("GET", URI.create("https://oss-cn-hangzhou.aliyuncs.com/"
                + "?resourcePool=resource-pool-for-ai&requesterQosInfo&continuation-token=1105678&max-keys=2"));
        Request signed = signer.sign(request, Credentials.of("LTAI5tEXAMPLEKEYID000001", "EXAMPLEsecret/KEY+for=vectors0000000000"),
                Instant.parse("2025-03-14T09:26:53Z"));
        assertEquals("OSS4-HMAC-SHA256 Credential=LTAI5tEXAMPLEKEYID000001/20250314/cn-hangzhou/oss/aliyun_v4_request,"
                + "Signature=a21a57cb7b40ea77e1b2e73acc696f76372bfddfbec2aa97b16edef434fa7db4",
                signed.headers().first("Authorization").orElseThrow());
    }

    @Test
    void regionWithOssPrefixIsSignedWithTheBareRegionId() {
        OssV4Signer signer = OssV4Signer.builder().region("oss-cn-hangzhou").build();
        Request request = Request.of("GET", URI.create("https://oss-cn-hangzhou.aliyuncs.com/"
                + "?resourcePool=resource-pool-for-ai&requesterQosInfo&continuation-token=1105678&max-keys=2"));
        Request signed = signer.sign(request, OssResource.region(),
                Credentials.of("LTAI5tEXAMPLEKEYID000001", "EXAMPLEsecret/KEY+for=vectors0000000000"), Instant.parse("2025-03-14T09:26:53Z"));
        assertEquals("OSS4-HMAC-SHA256 Credential=LTAI5tEXAMPLEKEYID000001/20250314/cn-hangzhou/oss/aliyun_v4_request,"
                + "Signature=a21a57cb7b40ea77e1b2e73acc696f76372bfddfbec2aa97b16edef434fa7db4",
                signed.headers().first("Authorization").orElseThrow());
    }
}
