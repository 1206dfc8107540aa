package dev.sluice.oss.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChannelPublisherTest {

    @TempDir
    Path dir;

    /** Records signals; requests only when told to. */
    static final class Probe implements Flow.Subscriber<ByteBuffer> {
        Flow.Subscription subscription;
        final List<Integer> sizes = new ArrayList<>();
        boolean completed;
        Throwable error;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
        }

        @Override
        public void onNext(ByteBuffer item) {
            sizes.add(item.remaining());
        }

        @Override
        public void onError(Throwable throwable) {
            error = throwable;
        }

        @Override
        public void onComplete() {
            completed = true;
        }
    }

    @Test
    void readsOneBufferPerUnitOfDemandAndNoMore() throws Exception {
        Path file = Files.write(dir.resolve("f"), new byte[200_000]);
        Probe probe = new Probe();
        ChannelPublisher.ofFile(file, 10_000, 150_000).subscribe(probe);
        assertTrue(probe.sizes.isEmpty());
        probe.subscription.request(1);
        assertEquals(List.of(65_536), probe.sizes);
        probe.subscription.request(5);
        assertEquals(List.of(65_536, 65_536, 18_928), probe.sizes);
        assertTrue(probe.completed);
    }

    @Test
    void servesDemandSignalledFromWithinOnNextWithoutRecursion() {
        List<Integer> depths = new ArrayList<>();
        int[] depth = {0};
        ChannelPublisher.ofStream(new ByteArrayInputStream(new byte[1_000_000]), 1_000_000).subscribe(new Flow.Subscriber<ByteBuffer>() {
            Flow.Subscription subscription;

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                this.subscription = subscription;
                subscription.request(1);
            }

            @Override
            public void onNext(ByteBuffer item) {
                depth[0]++;
                depths.add(depth[0]);
                subscription.request(1);
                depth[0]--;
            }

            @Override
            public void onError(Throwable throwable) {
            }

            @Override
            public void onComplete() {
            }
        });
        assertEquals(16, depths.size());
        assertTrue(depths.stream().allMatch(d -> d == 1));
    }

    @Test
    void refusesNonPositiveDemandAndASecondReadOfAStream() {
        Probe zero = new Probe();
        ChannelPublisher.ofStream(new ByteArrayInputStream(new byte[10]), 10).subscribe(zero);
        zero.subscription.request(0);
        assertEquals("demand must be positive, was 0 (Reactive Streams rule 3.9)", zero.error.getMessage());

        ChannelPublisher stream = ChannelPublisher.ofStream(new ByteArrayInputStream(new byte[10]), 10);
        Probe first = new Probe();
        stream.subscribe(first);
        first.subscription.request(1);
        assertEquals(List.of(10), first.sizes);
        Probe second = new Probe();
        stream.subscribe(second);
        second.subscription.request(1);
        assertEquals("an InputStream body can be sent only once; use a file or byte array to allow retries", second.error.getMessage());
        assertFalse(second.completed);
    }

    @Test
    void rereadsAFileForEverySubscription() throws Exception {
        Path file = Files.write(dir.resolve("f"), new byte[70_000]);
        ChannelPublisher publisher = ChannelPublisher.ofFile(file, 0, 70_000);
        for (int i = 0; i < 2; i++) {
            Probe probe = new Probe();
            publisher.subscribe(probe);
            probe.subscription.request(Long.MAX_VALUE);
            assertEquals(List.of(65_536, 4_464), probe.sizes);
            assertTrue(probe.completed);
        }
    }
}
