package dev.sluice.oss.internal.xml;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The answer to CompleteMultipartUpload. */
public final class CompleteMultipartUploadResult {
    @JsonProperty("Location")
    public String location;
    @JsonProperty("Bucket")
    public String bucket;
    @JsonProperty("Key")
    public String key;
    @JsonProperty("ETag")
    public String etag;
}
