package dev.sluice.oss.internal;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Option-map checks shared by the OSS signer providers: a misspelt option fails loudly, not silently. */
final class ProviderOptions {

    private ProviderOptions() {
    }

    static void requireKnown(String provider, Map<String, String> options, Set<String> known) {
        if (options == null) {
            throw new IllegalArgumentException("options of signer \"" + provider + "\" must not be null (use Map.of())");
        }
        for (Map.Entry<String, String> option : options.entrySet()) {
            if (!known.contains(option.getKey())) {
                throw new IllegalArgumentException("signer \"" + provider + "\" has no option \"" + option.getKey()
                        + "\"; known options: " + new TreeSet<>(known));
            }
            if (option.getValue() == null) {
                throw new IllegalArgumentException("option \"" + option.getKey() + "\" of signer \"" + provider + "\" must not be null");
            }
        }
    }
}
