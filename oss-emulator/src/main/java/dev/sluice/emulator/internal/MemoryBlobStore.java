package dev.sluice.emulator.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;

/** Blobs as byte arrays: for small objects and fast tests. */
final class MemoryBlobStore extends BlobStore {

    @Override
    Sink newSink() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        return new Sink() {
            @Override
            public OutputStream out() {
                return buffer;
            }

            @Override
            public Blob finish() {
                return new Bytes(buffer.toByteArray());
            }

            @Override
            public void abandon() {
                // the garbage collector frees the buffer
            }
        };
    }

    @Override
    public void close() {
        // nothing outside the heap
    }

    private static final class Bytes implements Blob {

        private final byte[] bytes;

        Bytes(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public InputStream open(long offset, long length) {
            return new ByteArrayInputStream(bytes, (int) offset, (int) length);
        }

        @Override
        public void delete() {
            // the garbage collector frees the array once no reader holds it
        }
    }
}
