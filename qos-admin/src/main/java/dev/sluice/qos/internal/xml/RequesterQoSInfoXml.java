package dev.sluice.qos.internal.xml;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/** {@code <RequesterQoSInfo>}: the answer of Get*RequesterQoSInfo and one entry of the requester listings. */
@JacksonXmlRootElement(localName = "RequesterQoSInfo")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"Requester", "QoSConfiguration"})
public final class RequesterQoSInfoXml {
    @JsonProperty("Requester")
    public String requester;
    @JsonProperty("QoSConfiguration")
    public QoSConfigurationXml qosConfiguration;
}
