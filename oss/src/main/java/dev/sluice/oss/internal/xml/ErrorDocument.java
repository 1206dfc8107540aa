package dev.sluice.oss.internal.xml;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code <Error>} document of a failed OSS request; elements beyond the known five are kept as text. */
@JacksonXmlRootElement(localName = "Error")
public final class ErrorDocument {

    @JsonProperty("Code")
    public String code;
    @JsonProperty("Message")
    public String message;
    @JsonProperty("RequestId")
    public String requestId;
    @JsonProperty("HostId")
    public String hostId;
    @JsonProperty("EC")
    public String ec;

    private final Map<String, String> details = new LinkedHashMap<>();

    /** The other elements (RecommendDoc, StringToSign, ArgumentName...), by name, in document order. */
    public Map<String, String> details() {
        return details;
    }

    @JsonAnySetter
    void detail(String name, Object value) {
        details.put(name, value == null ? "" : String.valueOf(value));
    }
}
