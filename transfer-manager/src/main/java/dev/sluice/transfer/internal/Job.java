package dev.sluice.transfer.internal;

import dev.sluice.transfer.TransferFuture;
import dev.sluice.transfer.TransferProgress;
import dev.sluice.transfer.TransferResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * One transfer, run by its coordinator thread: {@link #transfer()} does the work (blocking, interruptible),
 * {@link #cleanUp()} undoes what a failed or cancelled one left (abort the upload, delete the temporary
 * file). A cancel stops the parts and interrupts the coordinator while it works, never while it cleans up,
 * so the abort request itself is never interrupted.
 *
 * <p>Two kinds of step are never interrupted either. A {@linkplain #shielded shielded} step (initiating a
 * multipart upload) creates something only its answer names: a cancel arriving during it is honoured right
 * after it, once the name is known and can be cleaned up. A {@linkplain #commit commit} (completing the
 * upload, moving the file into place) cannot be undone: from the moment it starts {@link #cancel()} returns
 * false, so a cancel that returned true always ends the transfer cancelled.
 */
public abstract class Job implements TransferFuture, Runnable {

    /** What the job shares with the others. */
    protected final Engine engine;
    /** Its progress and subscribers. */
    protected final ProgressLedger ledger;

    private final String description;
    private final CompletableFuture<TransferResult> completion = new CompletableFuture<>();
    private final Object lock = new Object();
    private Thread coordinator;
    private PartGroup group;
    private boolean cancelled;
    private boolean shielding;
    private boolean committing;
    private boolean cleaning;

    /** A job of {@code engine}, counting into {@code ledger}, described as {@code description} in messages. */
    protected Job(Engine engine, ProgressLedger ledger, String description) {
        this.engine = engine;
        this.ledger = ledger;
        this.description = description;
    }

    /** Tells the subscribers the job is queued; call once, before starting it. */
    public void queued() {
        ledger.queued(this);
    }

    /** Does the transfer; blocks; an interrupt means cancel. */
    protected abstract TransferResult transfer() throws IOException, InterruptedException;

    /** Undoes what a transfer that did not succeed left behind. */
    protected abstract void cleanUp() throws IOException;

    @Override
    public final void run() {
        synchronized (lock) {
            coordinator = Thread.currentThread();
        }
        TransferResult result = null;
        Throwable failure = null;
        try {
            checkCancelled();
            result = transfer();
        } catch (Throwable error) {
            failure = error;
        }
        boolean wasCancelled;
        synchronized (lock) {
            cleaning = true;
            coordinator = null;
            wasCancelled = cancelled;
        }
        Thread.interrupted(); // a cancel's interrupt must not break the cleanup requests
        if (failure == null) {
            ledger.done(result);
            completion.complete(result);
            return;
        }
        try {
            cleanUp();
        } catch (IOException | RuntimeException cleanupFailure) {
            failure.addSuppressed(cleanupFailure);
        }
        if (wasCancelled) {
            CancellationException cancellation = new CancellationException(description + " was cancelled");
            cancellation.initCause(failure instanceof CancellationException ? null : failure);
            failure = cancellation;
        }
        ledger.failed(failure);
        completion.completeExceptionally(failure);
    }

    /** Runs {@code parts} on the part pool and waits for all of them; the first failure is thrown. */
    protected final void runParts(List<PartGroup.Work> parts) throws IOException, InterruptedException {
        PartGroup started = new PartGroup(parts);
        synchronized (lock) {
            checkCancelled();
            group = started;
        }
        started.start(engine.parts());
        try {
            started.ended().get();
        } catch (InterruptedException interrupted) {
            started.cancelAll();
            started.ended().join(); // the parts stop promptly once interrupted; none may outlive the job
            throw interrupted;
        } catch (ExecutionException impossible) {
            throw new IllegalStateException(impossible);
        } finally {
            synchronized (lock) {
                group = null;
            }
        }
        Throwable failure = started.failure();
        if (failure instanceof IOException) {
            throw (IOException) failure;
        }
        if (failure instanceof InterruptedException) {
            throw (InterruptedException) failure;
        }
        if (failure instanceof RuntimeException) {
            throw (RuntimeException) failure;
        }
        if (failure instanceof Error) {
            throw (Error) failure;
        }
        if (failure != null) {
            throw new UncheckedIOException(new IOException(failure));
        }
    }

    /** A step of the coordinator that must not be interrupted. */
    @FunctionalInterface
    protected interface Step<T> {
        /** Does the step. */
        T run() throws IOException;
    }

    /**
     * Runs {@code step} without letting a cancel interrupt it, then honours a cancel that arrived meanwhile
     * by throwing {@link CancellationException}; the caller must have kept what the step made for
     * {@link #cleanUp()} before that (hence {@code keep}).
     */
    protected final <T> T shielded(Step<T> step, java.util.function.Consumer<T> keep) throws IOException {
        synchronized (lock) {
            checkCancelled();
            shielding = true;
        }
        T made;
        try {
            made = step.run();
            keep.accept(made);
        } finally {
            synchronized (lock) {
                shielding = false;
            }
        }
        checkCancelled();
        return made;
    }

    /**
     * Runs {@code step}, which cannot be undone: a cancel that came first throws {@link CancellationException}
     * instead; once it starts, {@link #cancel()} returns false and interrupts nothing.
     */
    protected final <T> T commit(Step<T> step) throws IOException {
        synchronized (lock) {
            checkCancelled();
            committing = true;
        }
        return step.run();
    }

    private void checkCancelled() {
        synchronized (lock) {
            if (cancelled) {
                throw new CancellationException(description + " was cancelled");
            }
        }
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final TransferResult result() throws IOException, InterruptedException {
        try {
            return completion.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof CancellationException) {
                throw (CancellationException) cause;
            }
            if (cause instanceof IOException) {
                throw (IOException) cause;
            }
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IOException(description + " failed", cause);
        }
    }

    @Override
    public final CompletableFuture<TransferResult> completion() {
        return completion.copy();
    }

    @Override
    public final boolean cancel() {
        PartGroup parts;
        synchronized (lock) {
            if (cleaning || committing) {
                return false; // ended, or past the point where it could be undone
            }
            if (cancelled) {
                return true; // being cancelled already
            }
            cancelled = true;
            parts = group;
            if (coordinator != null && !shielding) {
                coordinator.interrupt();
            }
        }
        if (parts != null) {
            parts.cancelAll();
        }
        return true;
    }

    @Override
    public final boolean isDone() {
        return completion.isDone();
    }

    @Override
    public final TransferProgress progress() {
        return ledger.snapshot();
    }

    @Override
    public String toString() {
        return description;
    }
}
