package dev.sluice.qos.internal.xml;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/** The answer of GetResourcePoolInfo. */
@JacksonXmlRootElement(localName = "GetResourcePoolInfoResponse")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"Region", "Name", "Owner", "CreateTime", "QoSConfiguration"})
public final class GetResourcePoolInfoResponse {
    @JsonProperty("Region")
    public String region;
    @JsonProperty("Name")
    public String name;
    @JsonProperty("Owner")
    public String owner;
    @JsonProperty("CreateTime")
    public String createTime;
    @JsonProperty("QoSConfiguration")
    public QoSConfigurationXml qosConfiguration;
}
