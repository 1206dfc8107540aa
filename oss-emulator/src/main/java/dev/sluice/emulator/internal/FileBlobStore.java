package dev.sluice.emulator.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Blobs as files in a private temporary folder, so that objects need not fit in memory. */
final class FileBlobStore extends BlobStore {

    private final Path folder;

    FileBlobStore(Path parent) throws IOException {
        Files.createDirectories(parent);
        this.folder = Files.createTempDirectory(parent, "oss-emulator-");
    }

    @Override
    Sink newSink() throws IOException {
        Path file = Files.createTempFile(folder, "blob-", ".bin");
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
        return new Sink() {
            @Override
            public OutputStream out() {
                return out;
            }

            @Override
            public Blob finish() throws IOException {
                out.close();
                return new FileBlob(file);
            }

            @Override
            public void abandon() {
                try {
                    out.close();
                } catch (IOException e) {
                    // the file is deleted next; nothing to keep
                }
                deleteQuietly(file);
            }
        };
    }

    @Override
    public void close() {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                deleteQuietly(file);
            }
        } catch (IOException e) {
            // best effort: a temporary folder
        }
        deleteQuietly(folder);
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // best effort: the folder is temporary
        }
    }

    private static final class FileBlob implements Blob {

        private final Path file;
        private final long size;

        FileBlob(Path file) throws IOException {
            this.file = file;
            this.size = Files.size(file);
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public InputStream open(long offset, long length) throws IOException {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            channel.position(offset);
            return new BoundedInputStream(Channels.newInputStream(channel), length);
        }

        @Override
        public void delete() {
            deleteQuietly(file);
        }
    }
}
