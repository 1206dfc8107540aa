package dev.sluice.qos.internal.xml;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import java.util.ArrayList;
import java.util.List;

/** What the two requester listings share: the continuation tokens and the repeated {@code <RequesterQoSInfo>}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class ListRequesterQoSInfosXml {
    @JsonProperty("ContinuationToken")
    public String continuationToken;
    @JsonProperty("NextContinuationToken")
    public String nextContinuationToken;
    @JsonProperty("IsTruncated")
    public Boolean truncated;
    @JsonProperty("RequesterQoSInfo")
    @JacksonXmlElementWrapper(useWrapping = false)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public List<RequesterQoSInfoXml> requesterQoSInfos = new ArrayList<>();
}
