package dev.sluice.throttle.tree.internal;

import dev.sluice.throttle.tree.DirectionalRate;
import dev.sluice.throttle.tree.NodeLimits;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads a limit tree's textual form: statements separated by {@code ;}, each a node path followed by
 * attributes separated by spaces:
 * <pre>{@code
 * global=8MiB/s:1MiB/s; bucket:logs assured=2MiB/s ceil=8MiB/s weight=2; bucket:logs/tenant:acme ceil=1MiB/s
 * }</pre>
 * {@code PATH=RATES} is short for {@code PATH ceil=RATES}; the root takes only a ceiling. Every error names
 * the 1-based column and the token it is about.
 */
public final class TreeText {

    private static final String NAME = "[^\\s;=/#][^\\s;=/]*";
    private static final Pattern PATH = Pattern.compile(NAME + "(?:/" + NAME + ")*");
    private static final Pattern WEIGHT = Pattern.compile("[0-9]{1,9}");

    private TreeText() {
    }

    /** Calls {@code global} for the root's statement and {@code node} for every other, in order. */
    public static void parse(String text, String root, Consumer<DirectionalRate> global,
            BiConsumer<String, NodeLimits> node) {
        if (text == null) {
            throw new IllegalArgumentException("limit tree text must not be null");
        }
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf(';', start);
            if (end < 0) {
                end = text.length();
            }
            statement(text, start, end, root, global, node);
            start = end + 1;
        }
    }

    private static void statement(String text, int from, int to, String root, Consumer<DirectionalRate> global,
            BiConsumer<String, NodeLimits> node) {
        int i = skipSpaces(text, from, to);
        if (i == to) {
            return; // an empty statement, e.g. after a trailing ';'
        }
        int pathEnd = tokenEnd(text, i, to);
        String head = text.substring(i, pathEnd);
        int pathColumn = i + 1;
        int equals = head.indexOf('=');
        String path = equals < 0 ? head : head.substring(0, equals);
        NodeLimits limits = NodeLimits.DEFAULT;
        boolean ceilGiven = false;
        boolean assuredGiven = false;
        boolean weightGiven = false;
        if (equals >= 0) {
            limits = limits.ceil(rates(head.substring(equals + 1), head, pathColumn));
            ceilGiven = true;
        }
        for (int at = skipSpaces(text, pathEnd, to); at < to; at = skipSpaces(text, at, to)) {
            int end = tokenEnd(text, at, to);
            String token = text.substring(at, end);
            int column = at + 1;
            int eq = token.indexOf('=');
            String name = eq < 0 ? token : token.substring(0, eq);
            String value = eq < 0 ? "" : token.substring(eq + 1);
            if (path.equals(root) && eq >= 0 && !name.equals("ceil")) {
                throw error(column, "the root \"" + root + "\" takes only a ceiling (\"" + root + "=RATES\" or \"ceil=RATES\"),"
                        + " not \"" + token + "\"");
            }
            switch (eq < 0 ? "" : name) {
                case "assured":
                    assuredGiven = once(assuredGiven, name, path, column);
                    try {
                        limits = limits.assured(rates(value, token, column));
                    } catch (IllegalArgumentException e) {
                        throw e.getMessage().startsWith("limit tree text") ? e : error(column, "\"" + token + "\": " + e.getMessage());
                    }
                    break;
                case "ceil":
                    ceilGiven = once(ceilGiven, name, path, column);
                    limits = limits.ceil(rates(value, token, column));
                    break;
                case "weight":
                    weightGiven = once(weightGiven, name, path, column);
                    limits = limits.weight(weight(value, token, column));
                    break;
                default:
                    throw error(column, "unknown attribute \"" + token + "\" (expected assured=, ceil= or weight=)");
            }
            at = end;
        }
        try {
            if (path.equals(root)) {
                global.accept(limits.ceil());
            } else {
                node.accept(path, limits);
            }
        } catch (IllegalArgumentException e) {
            throw error(pathColumn, "\"" + path + "\": " + e.getMessage());
        }
    }

    private static boolean once(boolean given, String name, String path, int column) {
        if (given) {
            throw error(column, "attribute " + name + " is given twice for node " + path);
        }
        return true;
    }

    private static DirectionalRate rates(String value, String token, int column) {
        try {
            return DirectionalRate.parse(value);
        } catch (IllegalArgumentException e) {
            throw error(column, "\"" + token + "\": " + e.getMessage());
        }
    }

    private static int weight(String value, String token, int column) {
        if (!WEIGHT.matcher(value).matches() || Integer.parseInt(value) < 1 || Integer.parseInt(value) > NodeLimits.MAX_WEIGHT) {
            throw error(column, "\"" + token + "\": weight must be a whole number 1 to " + NodeLimits.MAX_WEIGHT);
        }
        return Integer.parseInt(value);
    }

    /**
     * Refuses a path that is not names separated by {@code /}.
     *
     * @throws IllegalArgumentException naming the path
     */
    public static void checkPath(String path, String root) {
        if (path == null || !PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("node path " + (path == null ? "null" : "\"" + path + "\"")
                    + " must be names separated by '/', each without spaces, ';' or '=' and not starting with '#'");
        }
    }

    /** The parent of {@code path}: the path without its last name, or the root for a single name. */
    public static String parentOf(String path, String root) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? root : path.substring(0, slash);
    }

    private static int skipSpaces(String text, int at, int to) {
        while (at < to && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    private static int tokenEnd(String text, int at, int to) {
        while (at < to && !Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    private static IllegalArgumentException error(int column, String message) {
        return new IllegalArgumentException("limit tree text, column " + column + ": " + message);
    }
}
