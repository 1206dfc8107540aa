/**
 * The OSS resource-pool and bucket requester QoS admin client: {@link dev.sluice.qos.QoSConfiguration}
 * in typed {@link dev.sluice.qos.QosBandwidth}s, validated before any request goes out, and the fourteen
 * QoS operations over any {@link dev.sluice.api.Transport}, signed with {@link dev.sluice.oss.OssV4Signer}.
 */
module dev.sluice.qos {
    requires transitive dev.sluice.api; // Transport, Credentials in the client builder
    requires transitive dev.sluice.oss; // OssV4Signer in the builder, OssServiceException thrown
    requires com.fasterxml.jackson.dataformat.xml; // @JacksonXmlRootElement on the XML documents
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.annotation;

    exports dev.sluice.qos;

    // Jackson binds the XML documents reflectively; nothing else may see them
    opens dev.sluice.qos.internal.xml to com.fasterxml.jackson.databind;
}
