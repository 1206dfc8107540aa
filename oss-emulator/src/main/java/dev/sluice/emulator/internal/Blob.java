package dev.sluice.emulator.internal;

import java.io.IOException;
import java.io.InputStream;

/** Stored bytes, immutable once written; readable any number of times, in ranges. */
interface Blob {

    /** The number of bytes. */
    long size();

    /** A stream of {@code length} bytes from {@code offset}. */
    InputStream open(long offset, long length) throws IOException;

    /** Frees the storage; readers that already opened it may finish. */
    void delete();
}
