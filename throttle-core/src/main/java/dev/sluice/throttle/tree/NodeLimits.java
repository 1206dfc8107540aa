package dev.sluice.throttle.tree;

import java.util.Objects;
import java.util.Optional;

/**
 * What one node of a {@link LimitTree} is configured with, per direction: a guaranteed rate
 * ({@code assured}, optional: without it the node is guaranteed nothing), a ceiling it never exceeds even
 * when borrowing ({@code ceil}, {@link DirectionalRate#OFF} for "only the parent's"), and a weight for
 * sharing spare capacity among busy siblings (1 to {@value #MAX_WEIGHT}).
 *
 * <pre>{@code
 * NodeLimits logs = NodeLimits.DEFAULT
 *     .assured(DirectionalRate.parse("2MiB/s"))
 *     .ceil(DirectionalRate.parse("8MiB/s:1MiB/s"))
 *     .weight(2);
 * }</pre>
 */
public final class NodeLimits {

    /** The largest weight. */
    public static final int MAX_WEIGHT = 1000;

    /** No guarantee, no ceiling of its own, weight 1. */
    public static final NodeLimits DEFAULT = new NodeLimits(null, DirectionalRate.OFF, 1);

    private final DirectionalRate assured;
    private final DirectionalRate ceil;
    private final int weight;

    private NodeLimits(DirectionalRate assured, DirectionalRate ceil, int weight) {
        this.assured = assured;
        this.ceil = ceil;
        this.weight = weight;
    }

    /** The guaranteed rates; empty when the node is guaranteed nothing. */
    public Optional<DirectionalRate> assured() {
        return Optional.ofNullable(assured);
    }

    /** The ceilings; a side that is off is bounded by the parent only. */
    public DirectionalRate ceil() {
        return ceil;
    }

    /** The weight among siblings, 1 to {@value #MAX_WEIGHT}. */
    public int weight() {
        return weight;
    }

    /**
     * These limits with the guaranteed rates {@code assured} ({@code null}: no guarantee). Whether they fit
     * the ceiling and the parent is checked where the limits are applied.
     *
     * @throws IllegalArgumentException if a side is off: a guarantee must be finite
     */
    public NodeLimits assured(DirectionalRate assured) {
        if (assured != null && (assured.upload().isUnlimited() || assured.download().isUnlimited())) {
            throw new IllegalArgumentException("assured rate must be finite both ways, was " + assured
                    + " (leave it out for no guarantee)");
        }
        return new NodeLimits(assured, ceil, weight);
    }

    /**
     * These limits with the ceilings {@code ceil}.
     *
     * @throws IllegalArgumentException if {@code ceil} is null
     */
    public NodeLimits ceil(DirectionalRate ceil) {
        if (ceil == null) {
            throw new IllegalArgumentException("ceiling must not be null (use DirectionalRate.OFF for none)");
        }
        return new NodeLimits(assured, ceil, weight);
    }

    /**
     * These limits with {@code weight}.
     *
     * @throws IllegalArgumentException if {@code weight} is not within 1 to {@value #MAX_WEIGHT}
     */
    public NodeLimits weight(int weight) {
        if (weight < 1 || weight > MAX_WEIGHT) {
            throw new IllegalArgumentException("weight must be 1 to " + MAX_WEIGHT + ", was " + weight);
        }
        return new NodeLimits(assured, ceil, weight);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof NodeLimits)) {
            return false;
        }
        NodeLimits other = (NodeLimits) o;
        return Objects.equals(assured, other.assured) && ceil.equals(other.ceil) && weight == other.weight;
    }

    @Override
    public int hashCode() {
        return Objects.hash(assured, ceil, weight);
    }

    /** The attributes as the textual form writes them, e.g. {@code "assured=2MiB/s ceil=8MiB/s weight=2"}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        if (assured != null) {
            text.append("assured=").append(assured).append(' ');
        }
        if (!ceil.equals(DirectionalRate.OFF)) {
            text.append("ceil=").append(ceil).append(' ');
        }
        return text.append("weight=").append(weight).toString();
    }
}
