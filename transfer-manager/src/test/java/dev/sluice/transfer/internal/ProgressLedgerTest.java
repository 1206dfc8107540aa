package dev.sluice.transfer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.transfer.TransferSubscriber;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How attempts count: a failed attempt is taken back, a finished one settles at its part's length. */
class ProgressLedgerTest {

    private final List<Long> deltas = new ArrayList<>();
    private final VirtualTime time = new VirtualTime();
    private final ProgressLedger ledger = new ProgressLedger(List.of(new TransferSubscriber() {
        @Override
        public void onProgress(long bytes) {
            deltas.add(bytes);
        }
    }), time);

    @Test
    void aFailedAttemptIsTakenBackWithOneNegativeReportBeforeTheRetryCounts() {
        ProgressLedger.Attempt first = ledger.attempt(102_400);
        first.onProgress(8192);
        first.onProgress(8192);
        first.failed();
        ProgressLedger.Attempt second = ledger.attempt(102_400);
        second.onProgress(8192);

        assertEquals(List.of(8192L, 8192L, -16384L, 8192L), deltas);
        assertEquals(8192, ledger.snapshot().bytesTransferred());
    }

    @Test
    void bytesReportedAfterAnAttemptFailedAreNotCounted() {
        ProgressLedger.Attempt attempt = ledger.attempt(102_400);
        attempt.onProgress(100);
        attempt.failed();
        attempt.onProgress(100); // a slice that was on its way when the attempt was stopped

        assertEquals(0, ledger.snapshot().bytesTransferred());
        assertEquals(List.of(100L, -100L), deltas);
    }

    @Test
    void aSucceededAttemptCountsExactlyItsPartLength() {
        ProgressLedger.Attempt attempt = ledger.attempt(102_400);
        attempt.onProgress(102_400);
        attempt.succeeded(102_400);
        attempt.failed(); // settled: nothing changes

        assertEquals(102_400, ledger.snapshot().bytesTransferred());
        assertEquals(List.of(102_400L), deltas);
    }

    @Test
    void theAverageRateIsTheBytesOverTheTimeSinceTheTransferWasQueued() {
        ledger.total(204_800);
        ledger.attempt(102_400).onProgress(102_400);
        time.runUntil(1_000_000_000L);

        assertEquals(819_200, ledger.snapshot().averageRate().orElseThrow().bitsPerSecond());
        assertEquals(0.5, ledger.snapshot().fraction());
    }

    @Test
    void aTransportThatResendsCannotPushAnAttemptPastItsPartLength() {
        ProgressLedger.Attempt attempt = ledger.attempt(100);
        attempt.onProgress(80);
        attempt.onProgress(80); // the transport under the manager sent the body again on its own
        attempt.onProgress(80);

        assertEquals(100, ledger.snapshot().bytesTransferred());
        attempt.succeeded(100);

        assertEquals(List.of(80L, 20L), deltas);
        assertEquals(100, ledger.snapshot().bytesTransferred());
    }

    @Test
    void aClampedAttemptThatFailsTakesBackOnlyWhatItCounted() {
        ProgressLedger.Attempt attempt = ledger.attempt(100);
        attempt.onProgress(150);
        attempt.failed();

        assertEquals(List.of(100L, -100L), deltas);
        assertEquals(0, ledger.snapshot().bytesTransferred());
    }

    @Test
    void subscribersAreToldWithoutTheAttemptsLockHeld() {
        List<Boolean> locked = new ArrayList<>();
        ProgressLedger.Attempt[] watched = new ProgressLedger.Attempt[1];
        ProgressLedger watching = new ProgressLedger(List.of(new TransferSubscriber() {
            @Override
            public void onProgress(long bytes) {
                locked.add(Thread.holdsLock(watched[0]));
            }
        }), time);
        watched[0] = watching.attempt(100);

        watched[0].onProgress(60);
        watched[0].failed();
        watched[0] = watching.attempt(100);
        watched[0].onProgress(60);
        watched[0].succeeded(100);

        assertEquals(List.of(false, false, false, false), locked);
    }
}
