/**
 * The Alibaba Cloud OSS dialect of Sluice: V4 and V1 signers and presigned URLs, the
 * {@code x-oss-traffic-limit} value and middleware, OSS error responses as typed exceptions, CRC-64,
 * and object operations (put, get, head, delete, multipart, presign) over any
 * {@link dev.sluice.api.Transport}.
 */
module dev.sluice.oss {
    requires transitive dev.sluice.api; // our public signatures use api types
    requires transitive dev.sluice.throttle; // pacing of bodies; Pacer appears in OssClientBuilder
    requires com.fasterxml.jackson.dataformat.xml; // error and multipart XML bodies
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.annotation; // @JsonProperty on the XML documents
    requires java.xml; // StAX: the DOCTYPE-refusing stream reader

    exports dev.sluice.oss;

    // Jackson binds the XML documents reflectively; nothing else may see them
    opens dev.sluice.oss.internal.xml to com.fasterxml.jackson.databind;

    provides dev.sluice.api.spi.SignerProvider with
            dev.sluice.oss.internal.OssV4SignerProvider,
            dev.sluice.oss.internal.OssV1SignerProvider;
}
