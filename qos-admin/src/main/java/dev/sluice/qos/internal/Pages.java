package dev.sluice.qos.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The entries of a paged OSS listing as one lazy stream: the first page is asked for without a token, and
 * while a page says {@code IsTruncated}, the next one with its {@code NextContinuationToken}. A page is
 * fetched only when the stream needs its first entry.
 */
public final class Pages {

    private Pages() {
    }

    /** One page: its entries, and the token of the next one if there is one. */
    public record Page<T>(List<T> entries, boolean truncated, String nextToken) {
    }

    /** Fetches the page after {@code token} (null for the first). */
    @FunctionalInterface
    public interface Fetcher<T> {
        /** The page that starts after {@code token}, or the first page when it is null. */
        Page<T> fetch(String token) throws IOException;
    }

    /**
     * The stream of all entries. A failed fetch surfaces as an {@link UncheckedIOException} from the stream
     * operation, wrapping the {@link IOException} (an {@link dev.sluice.oss.OssServiceException} for OSS errors).
     */
    public static <T> Stream<T> stream(Fetcher<T> fetcher) {
        Iterator<T> entries = new Iterator<>() {
            private Iterator<T> page = List.<T>of().iterator();
            private String token;
            private boolean last;

            @Override
            public boolean hasNext() {
                while (!page.hasNext() && !last) {
                    Page<T> next = fetchAfter(token);
                    if (next.truncated() && (next.nextToken() == null || next.nextToken().isEmpty()
                            || Objects.equals(next.nextToken(), token))) {
                        throw new UncheckedIOException(new IOException("OSS marked a listing page truncated without"
                                + " a new NextContinuationToken (after token \"" + token + "\"); stopping instead of"
                                + " asking for the same page again"));
                    }
                    page = next.entries().iterator();
                    token = next.nextToken();
                    last = !next.truncated();
                }
                return page.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("no more entries in this listing");
                }
                return page.next();
            }

            private Page<T> fetchAfter(String after) {
                try {
                    return fetcher.fetch(after);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(entries, Spliterator.ORDERED | Spliterator.NONNULL),
                false);
    }
}
