package dev.sluice.throttle.tree;

import dev.sluice.api.DataRate;
import java.util.Optional;

/**
 * One node of a {@link LimitTree} in one direction, as {@link LimitTree#snapshot()} read it.
 *
 * @param path the node's path ({@code global}, {@code bucket:logs}, {@code bucket:logs/#3} for a transfer)
 * @param direction the direction this row describes
 * @param transfer whether the node is a transfer's leaf
 * @param assured the configured guaranteed rate; empty for none
 * @param ceil the configured ceiling; {@link DataRate#UNLIMITED} when the node has none of its own
 * @param weight the configured weight among siblings
 * @param allotted the rate the node may use now; empty while it is idle or paused
 * @param paused whether the node or one of its ancestors is paused
 * @param activeChildren how many children are busy (a transfer: 1 when it is busy itself)
 * @param waiters how many transfers under the node have a reservation still waiting
 * @param reservedBytes bytes reserved under the node so far, less those given back
 * @param measuredBytesPerSecond bytes reserved under the node per second since the previous snapshot
 *     (0 in the first)
 */
public record NodeSnapshot(String path, Direction direction, boolean transfer, Optional<DataRate> assured,
        DataRate ceil, int weight, Optional<DataRate> allotted, boolean paused, int activeChildren, int waiters,
        long reservedBytes, double measuredBytesPerSecond) {
}
