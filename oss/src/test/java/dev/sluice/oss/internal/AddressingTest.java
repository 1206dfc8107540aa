package dev.sluice.oss.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class AddressingTest {

    @Test
    void putsTheBucketInTheHostOfADomainEndpoint() {
        URI uri = Addressing.uri(URI.create("https://oss-cn-hangzhou.aliyuncs.com"), "examplebucket", "a/b c/ü+~*.txt", "uploads");
        assertEquals("https://examplebucket.oss-cn-hangzhou.aliyuncs.com/a/b%20c/%C3%BC%2B~%2A.txt?uploads", uri.toString());
        assertEquals("a/b c/ü+~*.txt", Addressing.keyOf(uri));
    }

    @Test
    void putsTheBucketInThePathOfAnIpOrLocalhostEndpoint() {
        assertEquals("http://127.0.0.1:9000/b1/k", Addressing.uri(URI.create("http://127.0.0.1:9000"), "b1", "k", null).toString());
        assertEquals("http://[::1]:9000/b1/k", Addressing.uri(URI.create("http://[::1]:9000/"), "b1", "k", null).toString());
        assertEquals("http://localhost/b1/", Addressing.uri(URI.create("http://localhost"), "b1", "", null).toString());
        assertEquals("k/x", Addressing.keyOf(URI.create("http://127.0.0.1:9000/b1/k/x")));
        assertEquals("", Addressing.keyOf(URI.create("http://127.0.0.1:9000/b1")));
    }

    @Test
    void treatsOnlyAddressesAndLocalhostAsPathStyle() {
        assertTrue(Addressing.isPathStyle("10.0.0.7"));
        assertTrue(Addressing.isPathStyle("LOCALHOST"));
        assertFalse(Addressing.isPathStyle("oss-cn-hangzhou-internal.aliyuncs.com"));
        assertFalse(Addressing.isPathStyle("1.2.3.example.com"));
    }

    @Test
    void encodesQueryNamesAndValuesIncludingSlashes() {
        assertEquals("part-number-marker=4&uploadId=a%2Fb%3D", QueryParams.encode("part-number-marker", "4", "uploadId", "a/b="));
        assertEquals(null, QueryParams.encode());
    }
}
