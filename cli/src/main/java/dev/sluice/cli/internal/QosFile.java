package dev.sluice.cli.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.oss.OssXmlMapper;
import dev.sluice.qos.QoSConfiguration;
import dev.sluice.qos.QosBandwidth;
import dev.sluice.qos.QosBandwidthItem;
import dev.sluice.qos.QosQps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Reads {@code --file}: a {@code <QoSConfiguration>} document as the OSS API takes it, through the project's
 * hardened XML mapper (a DOCTYPE is refused, so no entity is ever expanded). Unknown elements are refused
 * rather than ignored: a misspelt item would otherwise be silently unlimited.
 */
final class QosFile {

    private static final String ITEMS = "TotalUploadBandwidth, IntranetUploadBandwidth, ExtranetUploadBandwidth,"
            + " TotalDownloadBandwidth, IntranetDownloadBandwidth, ExtranetDownloadBandwidth, TotalQps, IntranetQps,"
            + " ExtranetQps";

    private QosFile() {
    }

    /** The configuration in {@code file}, unchecked across items (the caller's build checks that). */
    static QoSConfiguration read(CommandSpec spec, Path file) {
        if (!Files.isRegularFile(file)) {
            throw refused(spec, file, "is not a file");
        }
        JsonNode document;
        try {
            document = OssXmlMapper.hardened().read(Files.readAllBytes(file), JsonNode.class);
        } catch (IOException unreadable) {
            throw refused(spec, file, "not a readable QoSConfiguration XML document: " + oneLine(unreadable));
        }
        if (document == null || !document.isObject() || document.isEmpty()) {
            throw refused(spec, file, "has no items: expected <QoSConfiguration> with some of " + ITEMS);
        }
        QoSConfiguration.Builder builder = QoSConfiguration.builder();
        Iterator<Map.Entry<String, JsonNode>> items = document.fields();
        while (items.hasNext()) {
            Map.Entry<String, JsonNode> item = items.next();
            set(spec, file, builder, item.getKey(), number(spec, file, item.getKey(), item.getValue()));
        }
        return builder.buildUnchecked();
    }

    private static void set(CommandSpec spec, Path file, QoSConfiguration.Builder builder, String name, int value) {
        try {
            for (QosBandwidthItem item : QosBandwidthItem.values()) {
                if (item.xmlName().equals(name)) {
                    builder.bandwidth(item, QosBandwidth.ofGigabitsPerSecond(value));
                    return;
                }
            }
            switch (name) {
                case "TotalQps" -> builder.totalQps(QosQps.ofRequestsPerSecond(value));
                case "IntranetQps" -> builder.intranetQps(QosQps.ofRequestsPerSecond(value));
                case "ExtranetQps" -> builder.extranetQps(QosQps.ofRequestsPerSecond(value));
                default -> throw refused(spec, file, "unknown element <" + name + ">: a QoSConfiguration has " + ITEMS);
            }
        } catch (IllegalArgumentException | IllegalStateException wrong) {
            throw refused(spec, file, "<" + name + ">: " + wrong.getMessage());
        }
    }

    private static int number(CommandSpec spec, Path file, String name, JsonNode value) {
        String text = value.isValueNode() ? value.asText().strip() : "";
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException notANumber) {
            throw refused(spec, file, "<" + name + "> must be a whole number (-1 unlimited, 0 forbidden), was \""
                    + (value.isValueNode() ? value.asText() : value.toString()) + "\"");
        }
    }

    private static ParameterException refused(CommandSpec spec, Path file, String what) {
        return new ParameterException(spec.commandLine(), "--file " + file + ": " + what);
    }

    private static String oneLine(IOException failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}
