package dev.sluice.transfer.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where an upload's bytes come from: a file, whose slices every attempt reads afresh, or a stream, read
 * once, in order, one part at a time into memory so that a failed part can be sent again (at most
 * {@code maxConcurrency} parts are held at once). Reading is not transferring: nothing here is counted
 * as progress.
 */
abstract class UploadSource {

    /** The size of the object. */
    abstract long size() throws IOException;

    /** {@code file}, from its start to its end. */
    static UploadSource of(Path file) {
        return new FileSource(file);
    }

    /** The next {@code length} bytes of {@code in}, which is not closed. */
    static UploadSource of(InputStream in, long length) {
        return new StreamSource(in, length);
    }

    /** A file. */
    static final class FileSource extends UploadSource {
        final Path file;

        FileSource(Path file) {
            this.file = file;
        }

        @Override
        long size() throws IOException {
            return Files.size(file);
        }
    }

    /** A stream, handing out its parts in order. */
    static final class StreamSource extends UploadSource {
        private final InputStream in;
        private final long length;
        private long read;
        private int parts;

        StreamSource(InputStream in, long length) {
            this.in = in;
            this.length = length;
        }

        @Override
        long size() {
            return length;
        }

        /** The next part of at most {@code partSize} bytes, numbered from 1 in stream order. */
        synchronized Slice next(long partSize) throws IOException {
            int size = (int) Math.min(partSize, length - read);
            byte[] bytes = in.readNBytes(size);
            if (bytes.length < size) {
                throw new EOFException("upload stream ended after " + (read + bytes.length) + " B of the " + length
                        + " B announced as its length");
            }
            read += size;
            return new Slice(++parts, bytes);
        }
    }

    /** One part read from a stream. */
    static final class Slice {
        final int number;
        final byte[] bytes;

        Slice(int number, byte[] bytes) {
            this.number = number;
            this.bytes = bytes;
        }
    }
}
