package dev.sluice.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialsTest {

    private static final String ID = "LTAI5tExampleKeyId";
    private static final String SECRET = "s3cr3tExampleAccessKeySecret";
    private static final String TOKEN = "CAISexampleSecurityToken";

    @Test
    void givesBackItsParts() {
        Credentials permanent = Credentials.of(ID, SECRET);
        Credentials temporary = Credentials.of(ID, SECRET, TOKEN);

        assertEquals(ID, permanent.accessKeyId());
        assertEquals(SECRET, permanent.accessKeySecret());
        assertEquals(Optional.empty(), permanent.securityToken());
        assertEquals(Optional.of(TOKEN), temporary.securityToken());
    }

    @Test
    void showsTheAccessKeyIdButNeverTheSecret() {
        String text = Credentials.of(ID, SECRET).toString();

        assertEquals("Credentials[accessKeyId=LTAI5tExampleKeyId, accessKeySecret=****]", text);
        assertFalse(text.contains(SECRET));
    }

    @Test
    void neverShowsTheSecurityToken() {
        String text = Credentials.of(ID, SECRET, TOKEN).toString();

        assertEquals("Credentials[accessKeyId=LTAI5tExampleKeyId, accessKeySecret=****, securityToken=****]", text);
        assertFalse(text.contains(SECRET));
        assertFalse(text.contains(TOKEN));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\t\n"})
    void refusesABlankAccessKeyId(String id) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Credentials.of(id, SECRET));

        assertEquals("access key id must not be blank", refused.getMessage());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void refusesABlankSecret(String secret) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Credentials.of(ID, secret, TOKEN));

        assertEquals("access key secret must not be blank", refused.getMessage());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " "})
    void refusesABlankSecurityToken(String token) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Credentials.of(ID, SECRET, token));

        assertEquals("security token must not be blank", refused.getMessage());
    }

    @Test
    void refusalsNeverQuoteTheSecret() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Credentials.of(ID, SECRET, " "));

        assertFalse(refused.getMessage().contains(SECRET));
    }

    @Test
    void credentialsWithTheSamePartsAreEqual() {
        assertEquals(Credentials.of(ID, SECRET), Credentials.of(ID, SECRET));
        assertEquals(Credentials.of(ID, SECRET).hashCode(), Credentials.of(ID, SECRET).hashCode());
        assertEquals(Credentials.of(ID, SECRET, TOKEN), Credentials.of(ID, SECRET, TOKEN));
    }

    @Test
    void credentialsThatDifferInAnyPartDiffer() {
        assertNotEquals(Credentials.of(ID, SECRET), Credentials.of(ID, SECRET + "x"));
        assertNotEquals(Credentials.of(ID, SECRET), Credentials.of(ID + "x", SECRET));
        assertNotEquals(Credentials.of(ID, SECRET), Credentials.of(ID, SECRET, TOKEN));
        assertNotEquals(Credentials.of(ID, SECRET, TOKEN), Credentials.of(ID, SECRET, TOKEN + "x"));
        assertNotEquals(Credentials.of(ID, SECRET), ID);
    }
}
