package dev.sluice.oss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The public door to the hardened mapper behaves as the internal one: plain documents read, DOCTYPEs refused. */
class OssXmlMapperTest {

    @Test
    void readsAPlainDocument() throws IOException {
        Map<?, ?> document = OssXmlMapper.hardened().read(
                "<QoSConfiguration><TotalUploadBandwidth>10</TotalUploadBandwidth></QoSConfiguration>"
                        .getBytes(StandardCharsets.UTF_8), Map.class);

        assertEquals(Map.of("TotalUploadBandwidth", "10"), document);
    }

    @Test
    void refusesAnExternalEntityBeforeResolvingIt() {
        byte[] xxe = ("<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<r><a>&x;</a></r>")
                .getBytes(StandardCharsets.UTF_8);

        IOException e = assertThrows(IOException.class, () -> OssXmlMapper.hardened().read(xxe, Map.class));

        assertTrue(e.getMessage().contains("DOCTYPE not allowed in an OSS XML document"), e.getMessage());
    }

    @Test
    void writesWithAnXmlDeclarationAndIsOneSharedInstance() throws IOException {
        String written = new String(OssXmlMapper.hardened().write(Map.of("a", "1")), StandardCharsets.UTF_8);

        assertTrue(written.startsWith("<?xml"), written);
        assertSame(OssXmlMapper.hardened(), OssXmlMapper.hardened());
    }
}
