package dev.sluice.emulator.internal;

import java.util.HexFormat;

/** Hex as OSS writes it in ETags. */
final class Hex {

    private Hex() {
    }

    static String upper(byte[] bytes) {
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }
}
