package dev.sluice.qos.internal.xml;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/** One page of ListBucketRequesterQoSInfos. */
@JacksonXmlRootElement(localName = "ListBucketRequesterQoSInfosResult")
@JsonPropertyOrder({"Bucket", "ContinuationToken", "NextContinuationToken", "IsTruncated", "RequesterQoSInfo"})
public final class ListBucketRequesterQoSInfosResult extends ListRequesterQoSInfosXml {
    @JsonProperty("Bucket")
    public String bucket;
}
