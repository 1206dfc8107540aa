package dev.sluice.oss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import org.junit.jupiter.api.Test;

class OssResourceUriTest {

    private static final URI HANGZHOU = URI.create("https://oss-cn-hangzhou.aliyuncs.com");
    private static final URI LOCAL = URI.create("http://127.0.0.1:9000");

    @Test
    void bucketGoesInTheFirstHostLabelOfADomainEndpoint() {
        assertEquals("https://examplebucket.oss-cn-hangzhou.aliyuncs.com/?qosInfo",
                OssResource.bucket("examplebucket").uri(HANGZHOU, OssQuery.of("qosInfo")).toString());
        assertEquals("https://examplebucket.oss-cn-hangzhou.aliyuncs.com/a/b%20c/%C3%BC%2B~%2A.txt",
                OssResource.object("examplebucket", "a/b c/ü+~*.txt").uri(HANGZHOU, OssQuery.none()).toString());
    }

    @Test
    void bucketGoesInTheFirstPathSegmentOfAnIpOrLocalhostEndpoint() {
        assertEquals("http://127.0.0.1:9000/examplebucket/?requesterQosInfo&qosRequester=203300000000",
                OssResource.bucket("examplebucket").uri(LOCAL, OssQuery.of("requesterQosInfo")
                        .with("qosRequester", "203300000000")).toString());
        assertEquals("http://[::1]:9000/examplebucket/k", OssResource.object("examplebucket", "k")
                .uri(URI.create("http://[::1]:9000/"), OssQuery.none()).toString());
        assertEquals("http://localhost/examplebucket/", OssResource.bucket("examplebucket")
                .uri(URI.create("http://localhost"), OssQuery.none()).toString());
    }

    @Test
    void regionLevelResourceIsTheEndpointItselfWhateverItsAddressing() {
        assertEquals("https://oss-cn-hangzhou.aliyuncs.com/?resourcePoolInfo&resourcePool=pool-1",
                OssResource.region().uri(HANGZHOU, OssQuery.of("resourcePoolInfo").with("resourcePool", "pool-1")).toString());
        assertEquals("http://127.0.0.1:9000/?resourcePool", OssResource.region().uri(LOCAL, OssQuery.of("resourcePool")).toString());
        assertEquals("https://oss-cn-hangzhou.aliyuncs.com/", OssResource.region().uri(HANGZHOU, OssQuery.none()).toString());
    }

    @Test
    void inferFromReadsBackTheResourceOfEveryUriItWrites() {
        OssResource[] resources = {OssResource.region(), OssResource.bucket("examplebucket"),
            OssResource.object("examplebucket", "dir/a b+c~中.txt")};
        for (URI endpoint : new URI[] {HANGZHOU, LOCAL, URI.create("http://localhost:9000/")}) {
            for (OssResource resource : resources) {
                assertEquals(resource, OssResource.inferFrom(resource.uri(endpoint, OssQuery.of("acl"))), resource + " on " + endpoint);
            }
        }
    }

    @Test
    void refusesAnEndpointWithAPathQueryOrUserInfoAsTheClientBuilderDoes() {
        for (String endpoint : new String[] {"https://oss-cn-hangzhou.aliyuncs.com/bucket", "ftp://127.0.0.1",
            "https://oss-cn-hangzhou.aliyuncs.com?x", "https://user@oss-cn-hangzhou.aliyuncs.com", "oss-cn-hangzhou.aliyuncs.com"}) {
            assertEquals("endpoint must be an http or https URI with a host and no path, query or user info, was " + endpoint,
                    assertThrows(IllegalArgumentException.class,
                            () -> OssResource.region().uri(URI.create(endpoint), OssQuery.none())).getMessage());
        }
        assertEquals("endpoint must be an http or https URI with a host and no path, query or user info, was null",
                assertThrows(IllegalArgumentException.class, () -> OssResource.region().uri(null, OssQuery.none())).getMessage());
    }

    @Test
    void refusesANullQueryNamingTheEmptyOne() {
        assertEquals("query must not be null (use OssQuery.none() for none)", assertThrows(IllegalArgumentException.class,
                () -> OssResource.bucket("examplebucket").uri(HANGZHOU, null)).getMessage());
    }
}
