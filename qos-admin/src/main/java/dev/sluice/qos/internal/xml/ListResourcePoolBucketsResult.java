package dev.sluice.qos.internal.xml;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import java.util.ArrayList;
import java.util.List;

/**
 * One page of ListResourcePoolBuckets. The generated OpenAPI models misspell the tokens
 * {@code ContionuationToken}; both spellings are read, the documented one is written.
 */
@JacksonXmlRootElement(localName = "ListResourcePoolBucketsResult")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"ResourcePool", "ContinuationToken", "NextContinuationToken", "IsTruncated", "ResourcePoolBucket"})
public final class ListResourcePoolBucketsResult {
    @JsonProperty("ResourcePool")
    public String resourcePool;
    @JsonProperty("ContinuationToken")
    @JsonAlias("ContionuationToken")
    public String continuationToken;
    @JsonProperty("NextContinuationToken")
    @JsonAlias("NextContionuationToken")
    public String nextContinuationToken;
    @JsonProperty("IsTruncated")
    public Boolean truncated;
    @JsonProperty("ResourcePoolBucket")
    @JacksonXmlElementWrapper(useWrapping = false)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public List<Bucket> buckets = new ArrayList<>();

    /** One listed {@code <ResourcePoolBucket>}; {@code Group} is optional. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"Name", "Group", "JoinTime"})
    public static final class Bucket {
        @JsonProperty("Name")
        public String name;
        @JsonProperty("Group")
        public String group;
        @JsonProperty("JoinTime")
        public String joinTime;
    }
}
