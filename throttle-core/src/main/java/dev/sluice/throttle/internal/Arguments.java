package dev.sluice.throttle.internal;

/** Checks for the constructors of the throttled streams, channels and publishers. */
public final class Arguments {

    private Arguments() {
    }

    /** {@code value}, or an {@link IllegalArgumentException} saying that {@code what} must not be null. */
    public static <T> T requireNonNull(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        return value;
    }
}
