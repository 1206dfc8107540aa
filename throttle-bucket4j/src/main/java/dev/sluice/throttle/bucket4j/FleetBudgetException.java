package dev.sluice.throttle.bucket4j;

/**
 * The shared store behind a {@link FleetRateLimiter} could not be reached in time. The limiter stops the
 * transfer rather than pace without the fleet budget, which could exceed it by more than the one batch
 * a host may hold. The message names the budget, how long and how often it was tried, and the cause.
 */
public final class FleetBudgetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An exception with {@code message}, caused by the store's last failure. */
    public FleetBudgetException(String message, Throwable cause) {
        super(message, cause);
    }
}
