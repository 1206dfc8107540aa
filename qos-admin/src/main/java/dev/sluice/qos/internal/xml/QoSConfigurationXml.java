package dev.sluice.qos.internal.xml;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * The {@code <QoSConfiguration>} body, as integers in the documented element order; an absent element is
 * null (never written), which OSS reads as -1 for the bandwidths and leaves out for the QPS items.
 */
@JacksonXmlRootElement(localName = "QoSConfiguration")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"TotalUploadBandwidth", "IntranetUploadBandwidth", "ExtranetUploadBandwidth",
        "TotalDownloadBandwidth", "IntranetDownloadBandwidth", "ExtranetDownloadBandwidth",
        "TotalQps", "IntranetQps", "ExtranetQps"})
public final class QoSConfigurationXml {
    @JsonProperty("TotalUploadBandwidth")
    public Integer totalUploadBandwidth;
    @JsonProperty("IntranetUploadBandwidth")
    public Integer intranetUploadBandwidth;
    @JsonProperty("ExtranetUploadBandwidth")
    public Integer extranetUploadBandwidth;
    @JsonProperty("TotalDownloadBandwidth")
    public Integer totalDownloadBandwidth;
    @JsonProperty("IntranetDownloadBandwidth")
    public Integer intranetDownloadBandwidth;
    @JsonProperty("ExtranetDownloadBandwidth")
    public Integer extranetDownloadBandwidth;
    @JsonProperty("TotalQps")
    public Integer totalQps;
    @JsonProperty("IntranetQps")
    public Integer intranetQps;
    @JsonProperty("ExtranetQps")
    public Integer extranetQps;
}
