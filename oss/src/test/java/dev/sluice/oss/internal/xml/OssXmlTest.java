package dev.sluice.oss.internal.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OssXmlTest {

    private static final String XXE = "<?xml version=\"1.0\"?>\n"
            + "<!DOCTYPE Error [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
            + "<Error><Code>&x;</Code><Message>m</Message></Error>";

    private static final String BILLION_LAUGHS = "<?xml version=\"1.0\"?>\n"
            + "<!DOCTYPE Error [\n"
            + " <!ENTITY a \"lol\">\n"
            + " <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
            + " <!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
            + " <!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n"
            + " <!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">\n"
            + " <!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">\n"
            + " <!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">\n"
            + "]>\n<Error><Code>&g;</Code></Error>";

    private static final String BARE_DOCTYPE = "<?xml version=\"1.0\"?><!DOCTYPE Error><Error><Code>NoSuchKey</Code></Error>";

    @Test
    void refusesAnExternalEntityBeforeResolvingIt() {
        IOException e = assertThrows(IOException.class, () -> OssXml.read(bytes(XXE), ErrorDocument.class));
        assertTrue(e.getMessage().contains("DOCTYPE not allowed in an OSS XML document"), e.getMessage());
    }

    @Test
    void refusesBillionLaughsBeforeExpandingAnything() {
        IOException e = assertThrows(IOException.class, () -> OssXml.read(bytes(BILLION_LAUGHS), ErrorDocument.class));
        assertTrue(e.getMessage().contains("DOCTYPE not allowed in an OSS XML document"), e.getMessage());
    }

    @Test
    void refusesEvenABareDoctypeThatWoodstoxWouldAccept() {
        IOException e = assertThrows(IOException.class, () -> OssXml.read(bytes(BARE_DOCTYPE), ErrorDocument.class));
        assertTrue(e.getMessage().contains("DOCTYPE not allowed in an OSS XML document"), e.getMessage());
    }

    @Test
    void readsAPlainDocumentAndKeepsUnknownElementsAsDetails() throws IOException {
        ErrorDocument error = OssXml.read(bytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>"
                + "<Code>InvalidArgument</Code><Message>Part number must be an integer between 1 and 10000, inclusive.</Message>"
                + "<RequestId>R1</RequestId><HostId>b.oss-cn-hangzhou.aliyuncs.com</HostId><EC>0042-00000204</EC>"
                + "<ArgumentName>PartNumber</ArgumentName><ArgumentValue>10001</ArgumentValue><OSSAccessKeyId/></Error>"),
                ErrorDocument.class);
        assertEquals("InvalidArgument", error.code);
        assertEquals("0042-00000204", error.ec);
        assertEquals("{ArgumentName=PartNumber, ArgumentValue=10001, OSSAccessKeyId=}", error.details().toString());
    }

    @Test
    void refusesMalformedXmlWithAnIoException() {
        assertThrows(IOException.class, () -> OssXml.read(bytes("<Error><Code>x</Error>"), ErrorDocument.class));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
