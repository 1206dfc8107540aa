package dev.sluice.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code "<number><unit>"} text for {@link DataRate#parse} and {@link DataSize#parse}. The
 * number may have a fraction ({@code "1.5MiB/s"}) as long as the result is a whole number of the
 * base unit; anything inexact is refused rather than rounded.
 */
final class QuantityParser {

    private static final Pattern QUANTITY =
            Pattern.compile("\\s*([0-9]+(?:_[0-9]+)*(?:\\.[0-9]+)?)\\s*([A-Za-z/]+)\\s*");

    private final String kind;
    private final String baseSymbol;
    private final Map<String, Long> factorsBySymbol;

    QuantityParser(String kind, String baseSymbol, Map<String, Long> factorsBySymbol) {
        this.kind = kind;
        this.baseSymbol = baseSymbol;
        this.factorsBySymbol = factorsBySymbol;
    }

    /** Returns the quantity in base units (bits per second, or bytes); never negative. */
    BigInteger parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException(kind + " text must not be null");
        }
        Matcher matcher = QUANTITY.matcher(text);
        if (!matcher.matches()) {
            throw refused(text, "expected a number followed by a unit, e.g. " + example());
        }
        String symbol = matcher.group(2);
        Long factor = factorsBySymbol.get(symbol);
        if (factor == null) {
            throw refused(text, unitProblem(symbol));
        }
        BigDecimal number = new BigDecimal(matcher.group(1).replace("_", ""));
        BigDecimal base = number.multiply(BigDecimal.valueOf(factor));
        try {
            return base.toBigIntegerExact();
        } catch (ArithmeticException inexact) {
            throw refused(text, "it is not a whole number of " + baseSymbol + " (" + base.toPlainString() + " " + baseSymbol + ")");
        }
    }

    private String unitProblem(String symbol) {
        if (symbol.endsWith("b/s") || symbol.endsWith("bps")) {
            // "Mb/s" and "Mbps" mean megabits by convention: name the bit unit first, and the byte unit
            String prefix = symbol.substring(0, symbol.length() - 3);
            String si = prefix.equalsIgnoreCase("k") ? "k" : prefix.toUpperCase(Locale.ROOT);
            if (factorsBySymbol.containsKey(si + "bit/s") && factorsBySymbol.containsKey(si + "B/s")) {
                return "unknown unit \"" + symbol + "\"; for bits write " + si + "bit/s, for bytes " + si + "B/s";
            }
        }
        if (symbol.startsWith("K") && !symbol.startsWith("Ki")) {
            String decimal = "k" + symbol.substring(1);
            String binary = "Ki" + symbol.substring(1);
            if (factorsBySymbol.containsKey(decimal) && factorsBySymbol.containsKey(binary)) {
                return "\"" + symbol + "\" is ambiguous; use " + decimal + " (1000) or " + binary + " (1024)";
            }
        }
        for (String known : factorsBySymbol.keySet()) {
            if (known.toLowerCase(Locale.ROOT).equals(symbol.toLowerCase(Locale.ROOT))) {
                return "unknown unit \"" + symbol + "\"; did you mean " + known + "? Units are case-sensitive";
            }
        }
        return "unknown unit \"" + symbol + "\"; known units: " + String.join(", ", factorsBySymbol.keySet());
    }

    private String example() {
        return "16" + factorsBySymbol.keySet().stream().filter(s -> s.startsWith("Ki")).findFirst().orElse(baseSymbol);
    }

    IllegalArgumentException refused(String text, String why) {
        return new IllegalArgumentException("\"" + text + "\" is not a " + kind + ": " + why);
    }
}
