package dev.sluice.throttle;

import static dev.sluice.throttle.FlowProbes.KIB;
import static dev.sluice.throttle.FlowProbes.MILLIS;
import static dev.sluice.throttle.FlowProbes.millis;
import static dev.sluice.throttle.FlowProbes.pattern;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.throttle.FlowProbes.ListPublisher;
import dev.sluice.throttle.FlowProbes.ListenerLog;
import dev.sluice.throttle.FlowProbes.ManualPublisher;
import dev.sluice.throttle.FlowProbes.Recorder;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThrottledSubscriberTest {

    private final FakeTime time = new FakeTime();
    private final LeakyBucket bucket = FlowProbes.bucket(time);
    private final Pacer pacer = FlowProbes.pacer(time, bucket);
    private final ListenerLog listener = new ListenerLog();

    @Test
    void pacesAPlainPublisherToEightKibEveryEightyMillisAsThePublisherDecoratorDoes() {
        ListPublisher transport = ListPublisher.of(1, 64 * KIB);
        Recorder application = Recorder.unbounded(time);
        ThrottledSubscriber paced = ThrottledSubscriber.wrap(application, pacer, listener);

        transport.subscribe(paced);
        time.runUntilIdle();

        assertEquals(millis(0, 0, 80, 160, 240, 320, 400, 480), application.times);
        assertEquals(Collections.nCopies(8, 8 * KIB), application.sizes());
        assertArrayEquals(pattern(64 * KIB, 0), application.bytes());
        assertEquals(480 * MILLIS, application.completedAt);
        assertEquals(64 * KIB, paced.bytesTransferred());
        List<String> expected = new ArrayList<>(List.of("queued"));
        expected.addAll(Collections.nCopies(8, "progress 8192"));
        expected.add("done");
        assertEquals(expected, listener.events);
    }

    @Test
    void subscribesTheWrappedSubscriberWhenItIsSubscribedItselfAndAsksForOneBufferAtATime() {
        ManualPublisher transport = new ManualPublisher();
        Recorder application = Recorder.manual(time);
        ThrottledSubscriber paced = ThrottledSubscriber.wrap(application, pacer);
        assertNull(application.subscription, "nothing happens before the transport subscribes");

        transport.subscribe(paced);
        assertNotNull(application.subscription);
        assertEquals(0, transport.requested);

        application.subscription.request(5);
        assertEquals(List.of(1L), transport.requests, "demand counts slices; upstream gets one buffer at a time");
    }

    @Test
    void cancelsASecondSubscriptionAndKeepsTheFirst() {
        ManualPublisher first = new ManualPublisher();
        ManualPublisher second = new ManualPublisher();
        Recorder application = Recorder.unbounded(time);
        ThrottledSubscriber paced = ThrottledSubscriber.wrap(application, pacer);

        first.subscribe(paced);
        second.subscribe(paced);

        assertTrue(second.cancelled, "Reactive Streams rule 2.5");
        assertEquals(false, first.cancelled);
        first.emit(ByteBuffer.wrap(pattern(8 * KIB, 0)));
        first.complete();
        assertEquals(millis(0), application.times);
        assertEquals(0, application.completedAt);
    }

    @Test
    void cancellingFromTheApplicationCancelsTheTransportAndGivesTheWaitingGrantBack() {
        ManualPublisher transport = new ManualPublisher();
        Recorder application = Recorder.unbounded(time);
        transport.subscribe(ThrottledSubscriber.wrap(application, pacer));
        transport.emit(ByteBuffer.wrap(pattern(64 * KIB, 0)));
        time.advance(40 * MILLIS);
        assertEquals(120 * MILLIS, bucket.waitEstimate(8 * KIB));

        application.subscription.cancel();

        assertTrue(transport.cancelled);
        assertEquals(40 * MILLIS, bucket.waitEstimate(8 * KIB));
        assertEquals(0, time.pendingTasks());
    }

    @Test
    void passesBuffersThroughWholeUnpacedAndUncountedWhileNotTransferring() {
        ListPublisher transport = ListPublisher.of(1, 64 * KIB);
        Recorder application = Recorder.unbounded(time);
        ThrottledSubscriber paced = ThrottledSubscriber.wrap(application, pacer, listener);
        paced.transferring(false);

        transport.subscribe(paced);

        assertEquals(millis(0), application.times);
        assertEquals(List.of(64 * KIB), application.sizes());
        assertEquals(0, paced.bytesTransferred());
        assertEquals(0, bucket.waitEstimate(16 * KIB));
        assertEquals(List.of("queued"), listener.events);
    }

    @Test
    void refusesMissingArgumentsWithClearMessages() {
        Recorder application = Recorder.unbounded(time);
        assertEquals("subscriber must not be null",
                assertThrows(IllegalArgumentException.class, () -> ThrottledSubscriber.wrap(null, pacer)).getMessage());
        assertEquals("pacer must not be null",
                assertThrows(IllegalArgumentException.class, () -> ThrottledSubscriber.wrap(application, null)).getMessage());
        assertEquals("listener must not be null (use TransferListener.none())",
                assertThrows(IllegalArgumentException.class, () -> ThrottledSubscriber.wrap(application, pacer, null)).getMessage());
        ThrottledSubscriber paced = ThrottledSubscriber.wrap(application, pacer);
        assertThrows(NullPointerException.class, () -> paced.onSubscribe(null));
    }
}
