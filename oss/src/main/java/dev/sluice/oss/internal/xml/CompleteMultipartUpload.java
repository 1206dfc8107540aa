package dev.sluice.oss.internal.xml;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import java.util.ArrayList;
import java.util.List;

/** The body of CompleteMultipartUpload: the parts, by number and ETag, in ascending order. */
@JacksonXmlRootElement(localName = "CompleteMultipartUpload")
public final class CompleteMultipartUpload {

    @JsonProperty("Part")
    @JacksonXmlElementWrapper(useWrapping = false)
    public List<Part> parts = new ArrayList<>();

    /** One {@code <Part>}. */
    public static final class Part {
        @JsonProperty("PartNumber")
        public int partNumber;
        @JsonProperty("ETag")
        public String etag;

        /** For Jackson. */
        public Part() {
        }

        /** A part by number and ETag. */
        public Part(int partNumber, String etag) {
            this.partNumber = partNumber;
            this.etag = etag;
        }
    }
}
