package dev.sluice.cli.internal;

import dev.sluice.qos.QosBandwidth;
import dev.sluice.qos.QosQps;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads the QoS value options: a bandwidth in whole Gbit/s ({@code 10}, {@code -1} or {@code unlimited},
 * {@code 0} or {@code forbidden}) and a request rate ({@code 1000}, {@code -1} or {@code unlimited}), with
 * the range messages of {@link QosBandwidth} and {@link QosQps}.
 */
final class QosConverters {

    private QosConverters() {
    }

    /** {@code --total-upload 10}: a {@link QosBandwidth}. */
    static final class Bandwidth implements ITypeConverter<QosBandwidth> {

        /** Made by picocli. */
        Bandwidth() {
        }

        @Override
        public QosBandwidth convert(String text) {
            String word = text.strip().toLowerCase(Locale.ROOT);
            if (word.equals("unlimited")) {
                return QosBandwidth.UNLIMITED;
            }
            if (word.equals("forbidden")) {
                return QosBandwidth.FORBIDDEN;
            }
            try {
                return QosBandwidth.ofGigabitsPerSecond(Integer.parseInt(word));
            } catch (NumberFormatException notANumber) {
                throw new TypeConversionException("\"" + text + "\" is not a QoS bandwidth: expected whole Gbit/s (e.g. 10),"
                        + " -1 or unlimited, 0 or forbidden");
            } catch (IllegalArgumentException outOfRange) {
                throw new TypeConversionException(outOfRange.getMessage());
            }
        }
    }

    /** {@code --total-qps 1000}: a {@link QosQps}. */
    static final class Qps implements ITypeConverter<QosQps> {

        /** Made by picocli. */
        Qps() {
        }

        @Override
        public QosQps convert(String text) {
            String word = text.strip().toLowerCase(Locale.ROOT);
            if (word.equals("unlimited")) {
                return QosQps.UNLIMITED;
            }
            try {
                return QosQps.ofRequestsPerSecond(Integer.parseInt(word));
            } catch (NumberFormatException notANumber) {
                throw new TypeConversionException("\"" + text + "\" is not a QoS request rate: expected whole requests per"
                        + " second (e.g. 1000), or -1 or unlimited");
            } catch (IllegalArgumentException outOfRange) {
                throw new TypeConversionException(outOfRange.getMessage());
            }
        }
    }
}
