package dev.sluice.qos.internal.xml;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code <Error>} document of a failed request. The {@code oss} module reads the same document
 * internally but exposes no public parser, so the QoS client reads its own (see the module's report).
 */
@JacksonXmlRootElement(localName = "Error")
public final class ErrorXml {
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

    /** The other elements (RecommendDoc, ArgumentName...), by name, in document order. */
    public Map<String, String> details() {
        return details;
    }

    @JsonAnySetter
    void detail(String name, Object value) {
        details.put(name, value == null ? "" : String.valueOf(value));
    }
}
