package dev.sluice.oss.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The V4 steps against the reference ({@code oss-protocol.md} section 1.1): its worked example
 * {@code v4-hdr-09} (ListResourcePoolRequesterQoSInfos) and the encoding and ordering rules it states
 * with examples.
 */
class V4CanonicalTest {

    private static final String V4_HDR_09_CANONICAL = "GET\n/\ncontinuation-token=1105678&max-keys=2&requesterQosInfo"
            + "&resourcePool=resource-pool-for-ai\nx-oss-content-sha256:UNSIGNED-PAYLOAD\nx-oss-date:20250314T092653Z\n\n\nUNSIGNED-PAYLOAD";

    @Test
    void workedExampleCanonicalRequestHasTwoEmptyLinesBeforeThePayloadHash() {
        TreeMap<String, String> headers = new TreeMap<>();
        headers.put("x-oss-date", "20250314T092653Z");
        headers.put("x-oss-content-sha256", "UNSIGNED-PAYLOAD");
        List<QueryParameter> query = List.of(new QueryParameter("resourcePool", "resource-pool-for-ai"),
                new QueryParameter("requesterQosInfo", null), new QueryParameter("max-keys", "2"),
                new QueryParameter("continuation-token", "1105678"));
        assertEquals(V4_HDR_09_CANONICAL, V4Canonical.canonicalRequest("GET", "/", query, headers, "", "UNSIGNED-PAYLOAD"));
    }

    @Test
    void workedExampleSignatureFollowsFromItsCanonicalRequest() {
        String scope = V4Canonical.scope("20250314", "cn-hangzhou", "oss");
        byte[] key = V4Canonical.signingKey("EXAMPLEsecret/KEY+for=vectors0000000000", "20250314", "cn-hangzhou", "oss");
        assertEquals("a21a57cb7b40ea77e1b2e73acc696f76372bfddfbec2aa97b16edef434fa7db4",
                V4Canonical.signature(key, V4Canonical.stringToSign("20250314T092653Z", scope, V4_HDR_09_CANONICAL)));
    }

    @Test
    void canonicalUriEncodesEverythingButUnreservedAndSlashWithUpperCaseHex() {
        TreeMap<String, String> none = new TreeMap<>();
        String canonical = V4Canonical.canonicalRequest("PUT", "/b/a b+c*d!e'f(g)h~i/j=k%l/中", List.of(), none, "", "UNSIGNED-PAYLOAD");
        assertEquals("/b/a%20b%2Bc%2Ad%21e%27f%28g%29h~i/j%3Dk%25l/%E4%B8%AD", canonical.split("\n")[1]);
    }

    @Test
    void canonicalQueryEncodesSlashSortsByEncodedNameInByteOrderAndDropsEmptyValues() {
        assertEquals("Zeta=1&alpha=a%2Fb%20c&continuation-token&uploads",
                V4Canonical.canonicalQuery(List.of(new QueryParameter("uploads", null), new QueryParameter("alpha", "a/b c"),
                        new QueryParameter("continuation-token", ""), new QueryParameter("Zeta", "1"))));
    }
}
