package dev.sluice.emulator.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A completed multipart object: its parts read one after another, never copied. */
final class CompositeBlob implements Blob {

    private final List<Blob> parts;
    private final long size;

    CompositeBlob(List<Blob> parts) {
        this.parts = List.copyOf(parts);
        this.size = parts.stream().mapToLong(Blob::size).sum();
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public InputStream open(long offset, long length) throws IOException {
        List<InputStream> streams = new ArrayList<>();
        long start = offset;
        long left = length;
        for (Blob part : parts) {
            if (left == 0) {
                break;
            }
            if (start >= part.size()) {
                start -= part.size();
                continue;
            }
            long take = Math.min(part.size() - start, left);
            streams.add(part.open(start, take));
            left -= take;
            start = 0;
        }
        return new SequenceInputStream(Collections.enumeration(streams));
    }

    @Override
    public void delete() {
        parts.forEach(Blob::delete);
    }
}
