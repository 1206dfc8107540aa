package dev.sluice.qos.internal.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.oss.OssXmlMapper;
import dev.sluice.qos.DocumentedSamples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Every documented body reads, and writes back to the same document (element for element, in order). */
class XmlMappingTest {

    private static final OssXmlMapper XML = OssXmlMapper.hardened();

    @Test
    void qosConfigurationWithTheQpsItemsRoundTrips() throws IOException {
        assertRoundTrip(DocumentedSamples.QOS_CONFIGURATION, QoSConfigurationXml.class);
    }

    @Test
    void qosConfigurationWithTheSixRequiredItemsRoundTripsWithoutQpsElements() throws IOException {
        assertRoundTrip(DocumentedSamples.SIX_ITEMS, QoSConfigurationXml.class);
    }

    @Test
    void requesterQosInfoRoundTrips() throws IOException {
        RequesterQoSInfoXml info = assertRoundTrip(DocumentedSamples.REQUESTER_QOS_INFO, RequesterQoSInfoXml.class);
        assertEquals("300xxxx", info.requester);
        assertEquals(10, info.qosConfiguration.totalUploadBandwidth);
    }

    @Test
    void poolRequesterListingRoundTrips() throws IOException {
        ListResourcePoolRequesterQoSInfosResult page =
                assertRoundTrip(DocumentedSamples.LIST_POOL_REQUESTERS, ListResourcePoolRequesterQoSInfosResult.class);
        assertEquals("3105678", page.nextContinuationToken);
        assertTrue(page.truncated);
        assertEquals(1, page.requesterQoSInfos.size());
    }

    @Test
    void bucketRequesterListingRoundTrips() throws IOException {
        ListBucketRequesterQoSInfosResult page =
                assertRoundTrip(DocumentedSamples.LIST_BUCKET_REQUESTERS, ListBucketRequesterQoSInfosResult.class);
        assertEquals("examplebucket", page.bucket);
    }

    @Test
    void poolListingRoundTrips() throws IOException {
        ListResourcePoolsResult page = assertRoundTrip(DocumentedSamples.LIST_POOLS, ListResourcePoolsResult.class);
        assertEquals("2024-11-29T08:42:32.000Z", page.resourcePools.get(0).createTime);
    }

    @Test
    void poolInfoRoundTrips() throws IOException {
        GetResourcePoolInfoResponse info = assertRoundTrip(DocumentedSamples.POOL_INFO, GetResourcePoolInfoResponse.class);
        assertEquals("resource-pool-for-ai", info.name);
    }

    @Test
    void poolBucketListingRoundTrips() throws IOException {
        ListResourcePoolBucketsResult page =
                assertRoundTrip(DocumentedSamples.LIST_POOL_BUCKETS, ListResourcePoolBucketsResult.class);
        assertEquals("test-group-1", page.buckets.get(0).group);
    }

    @Test
    void poolBucketListingReadsTheMisspelledTokensOfTheGeneratedModels() throws IOException {
        ListResourcePoolBucketsResult page = XML.read(bytes("<ListResourcePoolBucketsResult>"
                + "<ContionuationToken>abcd</ContionuationToken><NextContionuationToken>defg</NextContionuationToken>"
                + "<IsTruncated>true</IsTruncated></ListResourcePoolBucketsResult>"), ListResourcePoolBucketsResult.class);

        assertEquals("abcd", page.continuationToken);
        assertEquals("defg", page.nextContinuationToken);
        assertTrue(page.buckets.isEmpty());
    }

    @Test
    void anEmptyListingHasNoEntriesAndIsNotTruncated() throws IOException {
        ListResourcePoolsResult page = XML.read(bytes("<ListResourcePoolsResult><IsTruncated>false</IsTruncated>"
                + "</ListResourcePoolsResult>"), ListResourcePoolsResult.class);

        assertTrue(page.resourcePools.isEmpty());
        assertFalse(page.truncated);
    }

    @Test
    void ignoresUnknownElements() throws IOException {
        QoSConfigurationXml qos = XML.read(bytes("<QoSConfiguration><TotalUploadBandwidth>7</TotalUploadBandwidth>"
                + "<Region>oss-cn-hangzhou</Region></QoSConfiguration>"), QoSConfigurationXml.class);

        assertEquals(7, qos.totalUploadBandwidth);
    }

    @Test
    void refusesAnExternalEntityInARequesterDocument() {
        byte[] xxe = bytes("<?xml version=\"1.0\"?>\n<!DOCTYPE RequesterQoSInfo [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + "<RequesterQoSInfo><Requester>&x;</Requester></RequesterQoSInfo>");

        IOException e = assertThrows(IOException.class, () -> XML.read(xxe, RequesterQoSInfoXml.class));

        assertTrue(e.getMessage().contains("DOCTYPE not allowed"), e.getMessage());
    }

    private static <T> T assertRoundTrip(String sample, Class<T> type) throws IOException {
        T document = XML.read(bytes(sample), type);
        String written = new String(XML.write(document), StandardCharsets.UTF_8);
        assertEquals(sample, withoutDeclaration(written));
        return document;
    }

    /** The mapper writes an XML declaration, which the documented samples leave out. */
    static String withoutDeclaration(String xml) {
        return xml.startsWith("<?xml") ? xml.substring(xml.indexOf("?>") + 2).strip() : xml;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
