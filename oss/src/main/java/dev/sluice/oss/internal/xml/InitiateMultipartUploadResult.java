package dev.sluice.oss.internal.xml;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The answer to InitiateMultipartUpload. */
public final class InitiateMultipartUploadResult {
    @JsonProperty("Bucket")
    public String bucket;
    @JsonProperty("Key")
    public String key;
    @JsonProperty("UploadId")
    public String uploadId;
}
