package dev.sluice.qos.internal.xml;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import java.util.ArrayList;
import java.util.List;

/** One page of ListResourcePools. */
@JacksonXmlRootElement(localName = "ListResourcePoolsResult")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"Region", "Owner", "ContinuationToken", "NextContinuationToken", "IsTruncated", "ResourcePool"})
public final class ListResourcePoolsResult {
    @JsonProperty("Region")
    public String region;
    @JsonProperty("Owner")
    public String owner;
    @JsonProperty("ContinuationToken")
    public String continuationToken;
    @JsonProperty("NextContinuationToken")
    public String nextContinuationToken;
    @JsonProperty("IsTruncated")
    public Boolean truncated;
    @JsonProperty("ResourcePool")
    @JacksonXmlElementWrapper(useWrapping = false)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public List<Pool> resourcePools = new ArrayList<>();

    /** One listed {@code <ResourcePool>}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"Name", "CreateTime"})
    public static final class Pool {
        @JsonProperty("Name")
        public String name;
        @JsonProperty("CreateTime")
        public String createTime;
    }
}
