package dev.sluice.qos.internal.xml;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/** One page of ListResourcePoolRequesterQoSInfos. */
@JacksonXmlRootElement(localName = "ListResourcePoolRequesterQoSInfosResult")
@JsonPropertyOrder({"ResourcePool", "ContinuationToken", "NextContinuationToken", "IsTruncated", "RequesterQoSInfo"})
public final class ListResourcePoolRequesterQoSInfosResult extends ListRequesterQoSInfosXml {
    @JsonProperty("ResourcePool")
    public String resourcePool;
}
