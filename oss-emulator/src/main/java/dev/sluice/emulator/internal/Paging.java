package dev.sluice.emulator.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * One page of a List operation (reference 3.4, pagination): entries in name order, starting at the
 * entry named by {@code continuation-token}, at most {@code max-keys} (100 by default) of them; the
 * next token names the first entry left out.
 *
 * @param token the continuation token received, {@code ""} when none
 * @param entries the entries of this page
 * @param nextToken the token of the next page, or null when this page is the last
 */
record Paging<T>(String token, List<Map.Entry<String, T>> entries, String nextToken) {

    static final int DEFAULT_MAX_KEYS = 100;

    static <T> Paging<T> of(NavigableMap<String, T> all, Query query) {
        String token = query.get("continuation-token").orElse("");
        int maxKeys = maxKeys(query.get("max-keys").orElse(null));
        List<Map.Entry<String, T>> page = new ArrayList<>();
        String next = null;
        for (Map.Entry<String, T> entry : (token.isEmpty() ? all : all.tailMap(token, true)).entrySet()) {
            if (page.size() == maxKeys) {
                next = entry.getKey();
                break;
            }
            page.add(entry);
        }
        return new Paging<>(token, page, next);
    }

    /** {@code ContinuationToken}, {@code NextContinuationToken} when truncated, and {@code IsTruncated}. */
    String tokensXml() {
        return Xml.element("ContinuationToken", token) + (nextToken == null ? "" : Xml.element("NextContinuationToken", nextToken))
                + Xml.element("IsTruncated", nextToken != null);
    }

    private static int maxKeys(String text) {
        if (text == null) {
            return DEFAULT_MAX_KEYS;
        }
        try {
            int maxKeys = Integer.parseInt(text);
            if (maxKeys >= 1) {
                return maxKeys;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ErrorCodes.invalidArgument("max-keys \"" + text + "\" must be a whole number of entries from 1");
    }
}
