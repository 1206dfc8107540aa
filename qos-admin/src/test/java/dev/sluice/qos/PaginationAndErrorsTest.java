package dev.sluice.qos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Headers;
import dev.sluice.oss.OssServiceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Listings follow the continuation token over several pages; OSS errors and hostile XML are reported, not parsed on. */
class PaginationAndErrorsTest {

    private static final String POOL = "resource-pool-for-ai";

    private final RecordingTransport transport = new RecordingTransport();
    private final QosAdminClient client = QosClients.on(transport).pageSize(2).build();

    /** Requester pages: [u1 u2] next=u2, [u3 u4] next=u4, [u5] last. */
    private static String requesterPage(String query) {
        String token = tokenOf(query);
        if (token == null) {
            return requesters("", "u2", true, "u1", "u2");
        }
        if (token.equals("u2")) {
            return requesters("u2", "u4", true, "u3", "u4");
        }
        return requesters("u4", "", false, "u5");
    }

    private static String requesters(String token, String next, boolean truncated, String... uids) {
        StringBuilder xml = new StringBuilder("<ListResourcePoolRequesterQoSInfosResult><ResourcePool>" + POOL
                + "</ResourcePool><ContinuationToken>" + token + "</ContinuationToken><NextContinuationToken>" + next
                + "</NextContinuationToken><IsTruncated>" + truncated + "</IsTruncated>");
        for (String uid : uids) {
            xml.append("<RequesterQoSInfo><Requester>").append(uid).append("</Requester>")
                    .append(DocumentedSamples.SIX_ITEMS).append("</RequesterQoSInfo>");
        }
        return xml.append("</ListResourcePoolRequesterQoSInfosResult>").toString();
    }

    private static String tokenOf(String query) {
        for (String parameter : query.split("&")) {
            if (parameter.startsWith("continuation-token=")) {
                return parameter.substring("continuation-token=".length());
            }
        }
        return null;
    }

    @Test
    void followsTheContinuationTokenOverThreePages() {
        transport.answering(sent -> RecordingTransport.ok(requesterPage(sent.query())));

        List<String> uids = client.listResourcePoolRequesterQosInfos(POOL).map(RequesterQosInfo::requester)
                .collect(Collectors.toList());

        assertEquals(List.of("u1", "u2", "u3", "u4", "u5"), uids);
        assertEquals(List.of(
                "requesterQosInfo&resourcePool=resource-pool-for-ai&max-keys=2",
                "requesterQosInfo&resourcePool=resource-pool-for-ai&continuation-token=u2&max-keys=2",
                "requesterQosInfo&resourcePool=resource-pool-for-ai&continuation-token=u4&max-keys=2"),
                transport.sent.stream().map(RecordingTransport.Sent::query).collect(Collectors.toList()));
    }

    @Test
    void fetchesAPageOnlyWhenTheStreamNeedsIt() {
        transport.answering(sent -> RecordingTransport.ok(requesterPage(sent.query())));

        List<String> firstThree = client.listResourcePoolRequesterQosInfos(POOL).limit(3)
                .map(RequesterQosInfo::requester).collect(Collectors.toList());

        assertEquals(List.of("u1", "u2", "u3"), firstThree);
        assertEquals(2, transport.sent.size());
    }

    @Test
    void followsTheMisspelledTokensOfPoolBucketListings() {
        transport.answering(sent -> RecordingTransport.ok(tokenOf(sent.query()) == null
                ? "<ListResourcePoolBucketsResult><NextContionuationToken>b1</NextContionuationToken>"
                        + "<IsTruncated>true</IsTruncated><ResourcePoolBucket><Name>b1</Name></ResourcePoolBucket>"
                        + "</ListResourcePoolBucketsResult>"
                : "<ListResourcePoolBucketsResult><IsTruncated>false</IsTruncated>"
                        + "<ResourcePoolBucket><Name>b2</Name></ResourcePoolBucket></ListResourcePoolBucketsResult>"));

        List<String> names = client.listResourcePoolBuckets(POOL, 1).map(ResourcePoolBucket::name)
                .collect(Collectors.toList());

        assertEquals(List.of("b1", "b2"), names);
        assertEquals("resourcePoolBuckets&resourcePool=resource-pool-for-ai&continuation-token=b1&max-keys=1",
                transport.sent.get(1).query());
    }

    @Test
    void followsPoolListingsAcrossPages() {
        transport.answering(sent -> RecordingTransport.ok(tokenOf(sent.query()) == null
                ? "<ListResourcePoolsResult><NextContinuationToken>p2</NextContinuationToken><IsTruncated>true</IsTruncated>"
                        + "<ResourcePool><Name>p1</Name></ResourcePool></ListResourcePoolsResult>"
                : "<ListResourcePoolsResult><IsTruncated>false</IsTruncated>"
                        + "<ResourcePool><Name>p2</Name></ResourcePool></ListResourcePoolsResult>"));

        assertEquals(List.of("p1", "p2"), client.listResourcePools().map(ResourcePool::name).collect(Collectors.toList()));
    }

    @Test
    void stopsWhenATruncatedPageHasNoNextToken() {
        transport.answering("<ListResourcePoolsResult><IsTruncated>true</IsTruncated>"
                + "<ResourcePool><Name>p1</Name></ResourcePool></ListResourcePoolsResult>");
        Iterator<ResourcePool> pools = client.listResourcePools().iterator();

        UncheckedIOException e = assertThrows(UncheckedIOException.class, pools::hasNext);

        assertEquals("OSS marked a listing page truncated without a new NextContinuationToken (after token \"null\");"
                + " stopping instead of asking for the same page again", e.getCause().getMessage());
        assertEquals(1, transport.sent.size());
    }

    @Test
    void anUnknownPoolIsAnOssServiceExceptionWithCodeRequestIdAndEc() {
        transport.answering(sent -> RecordingTransport.response(404, Headers.of("x-oss-request-id", "RID-404"),
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchResourcePool</Code>"
                        + "<Message>The specified resource pool does not exist.</Message><RequestId>RID-404</RequestId>"
                        + "<HostId>oss-cn-hangzhou.aliyuncs.com</HostId><EC>0004-00000501</EC>"
                        + "<RecommendDoc>https://api.aliyun.com/troubleshoot?q=0004-00000501</RecommendDoc></Error>"));

        OssServiceException e = assertThrows(OssServiceException.class, () -> client.getResourcePoolInfo("nope"));

        assertEquals(404, e.status());
        assertEquals("NoSuchResourcePool", e.code());
        assertEquals("The specified resource pool does not exist.", e.errorMessage());
        assertEquals("RID-404", e.requestId());
        assertEquals("0004-00000501", e.ec());
        assertEquals("https://api.aliyun.com/troubleshoot?q=0004-00000501", e.details().get("RecommendDoc"));
    }

    @Test
    void aFailedListingPageSurfacesItsOssServiceExceptionFromTheStream() {
        transport.answering(sent -> RecordingTransport.response(403, Headers.of("x-oss-request-id", "RID-403"), ""));

        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> client.listResourcePoolBuckets(POOL).collect(Collectors.toList()));

        OssServiceException cause = assertInstanceOf(OssServiceException.class, e.getCause());
        assertEquals(403, cause.status());
        assertEquals("RID-403", cause.requestId());
    }

    @Test
    void refusesAnExternalEntityInAResponseWithoutResolvingIt() {
        transport.answering("<?xml version=\"1.0\"?>\n<!DOCTYPE RequesterQoSInfo [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + "<RequesterQoSInfo><Requester>&x;</Requester></RequesterQoSInfo>");

        IOException e = assertThrows(IOException.class, () -> client.getResourcePoolRequesterQosInfo(POOL, "u1"));

        assertFalse(e instanceof OssServiceException);
        assertTrue(e.getMessage().startsWith("OSS answered GET https://oss-cn-hangzhou.aliyuncs.com/?requesterQosInfo"
                + "&resourcePool=resource-pool-for-ai&qosRequester=u1 with a document that is not a RequesterQoSInfo:"),
                e.getMessage());
        assertTrue(e.getMessage().contains("DOCTYPE not allowed"), e.getMessage());
    }

    @Test
    void anErrorBodyWithAnExternalEntityIsReportedAsTextNotParsed() {
        String hostile = "<!DOCTYPE Error [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Error><Code>&x;</Code></Error>";
        transport.answering(sent -> RecordingTransport.response(500, Headers.of("x-oss-request-id", "RID-500"), hostile));

        OssServiceException e = assertThrows(OssServiceException.class, () -> client.getBucketQosInfo("examplebucket"));

        assertEquals("", e.code());
        assertEquals(hostile, e.errorMessage());
    }

    @Test
    void aValueBelowMinusOneFromTheServerIsAMalformedAnswer() {
        transport.answering("<QoSConfiguration><TotalUploadBandwidth>-7</TotalUploadBandwidth></QoSConfiguration>");

        IOException e = assertThrows(IOException.class, () -> client.getBucketQosInfo("examplebucket"));

        assertEquals("OSS sent a QoSConfiguration this client cannot represent: QoS bandwidth -7 Gbit/s is out of range"
                + " (allowed: -1 = unlimited, 0 = forbidden, or >= 1)", e.getMessage());
    }
}
