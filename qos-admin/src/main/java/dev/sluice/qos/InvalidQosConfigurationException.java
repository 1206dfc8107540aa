package dev.sluice.qos;

/**
 * A QoS value or request argument breaks one of the OSS rules, found before any request was sent. The
 * message names the field, the value with its unit and the rule; {@link #field()} and {@link #value()}
 * carry them for code that reacts to them (a form that highlights the bad field).
 */
public final class InvalidQosConfigurationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final transient Object value;

    InvalidQosConfigurationException(String field, Object value, String message) {
        super(message);
        this.field = field;
        this.value = value;
    }

    /** The field at fault, as OSS names it: {@code ExtranetUploadBandwidth}, {@code qosRequester}. */
    public String field() {
        return field;
    }

    /** The refused value: a {@link QosBandwidth}, a {@link QosQps} or a {@code String}. */
    public Object value() {
        return value;
    }
}
