package dev.sluice.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeadersTest {

    @Test
    void findsANameWhateverItsCase() {
        Headers headers = Headers.of("Content-Type", "text/plain");

        assertEquals(Optional.of("text/plain"), headers.first("content-type"));
        assertEquals(List.of("text/plain"), headers.all("CONTENT-TYPE"));
        assertTrue(headers.contains("cOnTeNt-TyPe"));
    }

    @Test
    void keepsTheCaseANameWasFirstGivenIn() {
        Headers headers = Headers.of("X-Oss-Meta-Owner", "ops").plus("x-oss-meta-owner", "backup");

        assertEquals(List.of("X-Oss-Meta-Owner"), headers.names());
        assertEquals(Map.of("X-Oss-Meta-Owner", List.of("ops", "backup")), headers.toMap());
    }

    @Test
    void keepsSeveralValuesOfANameInOrder() {
        Headers headers = Headers.of("Accept", "text/xml", "X-A", "1", "accept", "application/json");

        assertEquals(List.of("text/xml", "application/json"), headers.all("Accept"));
        assertEquals(Optional.of("text/xml"), headers.first("ACCEPT"));
        assertEquals(List.of("Accept", "X-A"), headers.names());
    }

    @Test
    void answersEmptyForAMissingName() {
        Headers headers = Headers.of("X-A", "1");

        assertEquals(Optional.empty(), headers.first("X-B"));
        assertEquals(List.of(), headers.all("X-B"));
        assertFalse(headers.contains("X-B"));
    }

    @Test
    void hasNothingWhenMadeEmpty() {
        assertEquals(List.of(), Headers.of().names());
        assertEquals("{}", Headers.of().toString());
        assertEquals(Headers.of(), Headers.of(new String[0]));
    }

    @Test
    void withReplacesEveryValueOfAName() {
        Headers headers = Headers.of("X-A", "1", "X-A", "2", "X-B", "3");

        Headers replaced = headers.with("x-a", "9");

        assertEquals(List.of("9"), replaced.all("X-A"));
        assertEquals(List.of("3"), replaced.all("X-B"));
    }

    @Test
    void withoutRemovesANameWhateverItsCase() {
        Headers headers = Headers.of("X-A", "1", "X-B", "2");

        Headers removed = headers.without("x-a");

        assertFalse(removed.contains("X-A"));
        assertEquals(List.of("X-B"), removed.names());
    }

    @Test
    void withoutAMissingNameGivesTheSameHeaders() {
        Headers headers = Headers.of("X-A", "1");

        assertSame(headers, headers.without("X-B"));
    }

    @Test
    void plusWithAndWithoutLeaveTheOriginalUnchanged() {
        Headers original = Headers.of("X-A", "1");

        original.plus("X-A", "2");
        original.plus("X-B", "3");
        original.with("X-A", "4");
        original.without("X-A");

        assertEquals(Map.of("X-A", List.of("1")), original.toMap());
    }

    @Test
    void givesOutListsAndMapsThatCannotBeChanged() {
        Headers headers = Headers.of("X-A", "1");

        assertThrows(UnsupportedOperationException.class, () -> headers.all("X-A").add("2"));
        assertThrows(UnsupportedOperationException.class, () -> headers.names().add("X-B"));
        assertThrows(UnsupportedOperationException.class, () -> headers.toMap().put("X-B", List.of("2")));
        assertThrows(UnsupportedOperationException.class, () -> headers.toMap().get("X-A").add("2"));
    }

    @Test
    void acceptsAnEmptyValue() {
        assertEquals(Optional.of(""), Headers.of("X-Empty", "").first("x-empty"));
    }

    @Test
    void refusesAnOddNumberOfStrings() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Headers.of("X-A", "1", "X-B"));

        assertEquals("headers must come in name/value pairs, got 3 strings", refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Content Type", "X-A:", "\tX-A", "X-\u00c4", "X-\u007f", "X-A\r\n"})
    void refusesANameThatIsNotAToken(String name) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Headers.of().plus(name, "1"));

        assertEquals("header name \"" + name + "\" is not a valid HTTP token", refused.getMessage());
    }

    @Test
    void refusesANullName() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Headers.of(null, "1"));

        assertEquals("header name \"null\" is not a valid HTTP token", refused.getMessage());
    }

    @Test
    void refusesANameWithASeparator() {
        for (String name : List.of("X(A)", "X,A", "X\"A", "X/A", "X@A", "X{A}", "X=A")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> Headers.of().plus(name, "1"), name);
            assertEquals("header name \"" + name + "\" is not a valid HTTP token", refused.getMessage());
        }
    }

    @Test
    void withRefusesANullNameAsPlusDoes() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Headers.of().with(null, "1"));

        assertEquals("header name \"null\" is not a valid HTTP token", refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\rb", "a\nb", "a\r\nX-Injected: 1", "\n"})
    void refusesAValueWithACarriageReturnOrLineFeed(String value) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Headers.of("X-A", value));

        assertEquals("value of header X-A must not be null or contain CR/LF", refused.getMessage());
    }

    @Test
    void refusesANullValue() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Headers.of().with("X-A", null));

        assertEquals("value of header X-A must not be null or contain CR/LF", refused.getMessage());
    }

    @Test
    void showsNamesAndValuesButMasksAuthorizationAndSecurityTokens() {
        Headers headers = Headers.of(
                "Authorization", "OSS4-HMAC-SHA256 Credential=LTAI5tExample/20250101/cn-hangzhou/oss/aliyun_v4_request,"
                        + "Signature=0123abcd",
                "x-oss-security-token", "CAISsecrettoken",
                "Content-Type", "text/plain",
                "X-Oss-Meta-Tag", "a",
                "x-oss-meta-tag", "b");

        assertEquals("{Authorization=****, x-oss-security-token=****, Content-Type=text/plain, X-Oss-Meta-Tag=a,b}",
                headers.toString());
    }

    @Test
    void masksWhateverCaseTheSecretNamesAreIn() {
        String text = Headers.of("AUTHORIZATION", "Bearer abc", "X-OSS-Security-Token", "tok").toString();

        assertEquals("{AUTHORIZATION=****, X-OSS-Security-Token=****}", text);
    }

    @Test
    void masksProxyAuthorization() {
        assertEquals("{Proxy-Authorization=****}",
                Headers.of("Proxy-Authorization", "Basic dXNlcjpzZWNyZXQ=").toString());
    }

    @Test
    void headersWithTheSameNamesInAnyCaseAndTheSameValuesAreEqual() {
        Headers one = Headers.of("Content-Type", "text/plain", "X-A", "1");
        Headers other = Headers.of("x-a", "1", "content-type", "text/plain");

        assertEquals(one, other);
        assertEquals(one.hashCode(), other.hashCode());
    }

    @Test
    void headersWithValuesInAnotherOrderDiffer() {
        assertNotEquals(Headers.of("X-A", "1", "X-A", "2"), Headers.of("X-A", "2", "X-A", "1"));
        assertNotEquals(Headers.of("X-A", "1"), Headers.of("X-B", "1"));
    }
}
