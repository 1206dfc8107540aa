package dev.sluice.api;

import java.util.Objects;
import java.util.Optional;

/**
 * An access key pair, optionally with a security token (STS). {@link #toString()} shows the access key
 * id only; the secret and the token never appear in text.
 */
public final class Credentials {

    private final String accessKeyId;
    private final String accessKeySecret;
    private final String securityToken;

    private Credentials(String accessKeyId, String accessKeySecret, String securityToken) {
        this.accessKeyId = accessKeyId;
        this.accessKeySecret = accessKeySecret;
        this.securityToken = securityToken;
    }

    /**
     * A permanent key pair.
     *
     * @throws IllegalArgumentException if either part is null or blank
     */
    public static Credentials of(String accessKeyId, String accessKeySecret) {
        return new Credentials(require(accessKeyId, "access key id"), require(accessKeySecret, "access key secret"), null);
    }

    /** A temporary key pair with its security token. */
    public static Credentials of(String accessKeyId, String accessKeySecret, String securityToken) {
        return new Credentials(require(accessKeyId, "access key id"), require(accessKeySecret, "access key secret"),
                require(securityToken, "security token"));
    }

    public String accessKeyId() {
        return accessKeyId;
    }

    public String accessKeySecret() {
        return accessKeySecret;
    }

    public Optional<String> securityToken() {
        return Optional.ofNullable(securityToken);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Credentials)) {
            return false;
        }
        Credentials other = (Credentials) o;
        return accessKeyId.equals(other.accessKeyId) && accessKeySecret.equals(other.accessKeySecret)
                && Objects.equals(securityToken, other.securityToken);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accessKeyId, accessKeySecret, securityToken);
    }

    @Override
    public String toString() {
        return "Credentials[accessKeyId=" + accessKeyId + ", accessKeySecret=****"
                + (securityToken == null ? "" : ", securityToken=****") + "]";
    }

    private static String require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }
}
