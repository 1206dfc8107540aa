package dev.sluice.oss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import org.junit.jupiter.api.Test;

class OssResourceTest {

    @Test
    void virtualHostedUriNamesTheBucketInItsFirstLabelAndTheDecodedKeyInItsPath() {
        assertEquals(OssResource.object("examplebucket", "dir/a b+c~中.txt"),
                OssResource.inferFrom(URI.create("https://examplebucket.oss-cn-hangzhou.aliyuncs.com/dir/a%20b+c~%E4%B8%AD.txt?acl")));
        assertEquals(OssResource.bucket("examplebucket"),
                OssResource.inferFrom(URI.create("https://ExampleBucket.oss-cn-hangzhou-internal.aliyuncs.com/?uploads")));
    }

    @Test
    void regionEndpointWithoutBucketLabelIsRegionLevel() {
        assertEquals(OssResource.region(), OssResource.inferFrom(URI.create("https://oss-cn-hangzhou.aliyuncs.com/?resourcePool=rp")));
        assertEquals("/", OssResource.inferFrom(URI.create("https://oss-cn-hangzhou.aliyuncs.com")).resourcePath());
    }

    @Test
    void ipAndLocalhostEndpointsArePathStyle() {
        assertEquals(OssResource.object("examplebucket", "a/b.txt"),
                OssResource.inferFrom(URI.create("http://127.0.0.1:8080/examplebucket/a/b.txt")));
        assertEquals(OssResource.bucket("examplebucket"), OssResource.inferFrom(URI.create("http://localhost:9000/examplebucket/")));
        assertEquals(OssResource.bucket("examplebucket"), OssResource.inferFrom(URI.create("http://[::1]:9000/examplebucket")));
        assertEquals(OssResource.region(), OssResource.inferFrom(URI.create("http://localhost:9000/")));
    }

    @Test
    void customDomainWithAKeyCannotBeInferredAndSaysToUseTheExplicitForm() {
        assertEquals("cannot infer the OSS bucket of https://img.example.com/cat.jpg: host img.example.com has no bucket label"
                        + " (a custom domain?); sign with an explicit OssResource",
                assertThrows(IllegalArgumentException.class,
                        () -> OssResource.inferFrom(URI.create("https://img.example.com/cat.jpg"))).getMessage());
    }

    @Test
    void resourcePathIsSlashBucketSlashKeyWhateverTheAddressing() {
        assertEquals("/examplebucket/a/b c.txt", OssResource.object("examplebucket", "a/b c.txt").resourcePath());
        assertEquals("/examplebucket/", OssResource.bucket("examplebucket").resourcePath());
        assertEquals("OssResource[/examplebucket/k]", OssResource.object("examplebucket", "k").toString());
    }

    @Test
    void emptyBucketNameIsRefusedWithTheRule() {
        assertEquals("bucket name must not be empty; OSS bucket names are 3..63 characters of lower-case letters, digits and hyphens",
                assertThrows(IllegalArgumentException.class, () -> OssResource.bucket("")).getMessage());
    }

    @Test
    void invalidBucketNamesAreRefusedNamingValueLengthAndRule() {
        assertEquals("bucket name \"ab\" (2 characters) is not a valid OSS bucket name: 3..63 characters of lower-case letters,"
                        + " digits and hyphens, not starting or ending with a hyphen",
                assertThrows(IllegalArgumentException.class, () -> OssResource.bucket("ab")).getMessage());
        for (String bad : new String[] {"-abc", "abc-", "Abc", "a_bc", "a.bc", "a".repeat(64)}) {
            assertThrows(IllegalArgumentException.class, () -> OssResource.object(bad, "k"), bad);
        }
        assertEquals("/" + "a".repeat(63) + "/", OssResource.bucket("a".repeat(63)).resourcePath());
    }

    @Test
    void emptyLongOrSlashLeadingKeysAreRefused() {
        assertEquals("object key must not be empty (use OssResource.bucket for a bucket-level request)",
                assertThrows(IllegalArgumentException.class, () -> OssResource.object("examplebucket", "")).getMessage());
        assertEquals("object key of 1024 UTF-8 bytes is outside 1..1023 bytes",
                assertThrows(IllegalArgumentException.class, () -> OssResource.object("examplebucket", "é".repeat(512))).getMessage());
        assertEquals("object key \"/a\" must not start with / or \\",
                assertThrows(IllegalArgumentException.class, () -> OssResource.object("examplebucket", "/a")).getMessage());
    }
}
