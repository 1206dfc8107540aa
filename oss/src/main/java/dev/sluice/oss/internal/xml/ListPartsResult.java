package dev.sluice.oss.internal.xml;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import java.util.ArrayList;
import java.util.List;

/** One page of ListParts. */
public final class ListPartsResult {
    @JsonProperty("Bucket")
    public String bucket;
    @JsonProperty("Key")
    public String key;
    @JsonProperty("UploadId")
    public String uploadId;
    @JsonProperty("PartNumberMarker")
    public Integer partNumberMarker;
    @JsonProperty("NextPartNumberMarker")
    public Integer nextPartNumberMarker;
    @JsonProperty("MaxParts")
    public Integer maxParts;
    @JsonProperty("IsTruncated")
    public boolean truncated;

    @JsonProperty("Part")
    @JacksonXmlElementWrapper(useWrapping = false)
    public List<Part> parts = new ArrayList<>();

    /** One listed {@code <Part>}. */
    public static final class Part {
        @JsonProperty("PartNumber")
        public int partNumber;
        @JsonProperty("LastModified")
        public String lastModified;
        @JsonProperty("ETag")
        public String etag;
        @JsonProperty("HashCrc64ecma")
        public String hashCrc64ecma;
        @JsonProperty("Size")
        public long size = -1;
    }
}
