package dev.sluice.cli.internal;

import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/** Reads {@link DataSize} and {@link DataRate} options, refusing bad text with the parser's own message. */
final class QuantityConverters {

    private QuantityConverters() {
    }

    /** Registers both converters on {@code commandLine} and its subcommands. */
    static void register(CommandLine commandLine) {
        commandLine.registerConverter(DataSize.class, QuantityConverters::size);
        commandLine.registerConverter(DataRate.class, QuantityConverters::rate);
    }

    private static DataSize size(String text) {
        try {
            return DataSize.parse(text);
        } catch (IllegalArgumentException refused) {
            // picocli prefixes the option's name; the parser's message names the text and what is wrong
            throw new TypeConversionException(refused.getMessage());
        }
    }

    private static DataRate rate(String text) {
        try {
            return DataRate.parse(text);
        } catch (IllegalArgumentException refused) {
            throw new TypeConversionException(refused.getMessage());
        }
    }
}
