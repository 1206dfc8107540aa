package dev.sluice.throttle.tree.internal;

import dev.sluice.throttle.tree.Direction;
import dev.sluice.throttle.tree.NodeSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A share tree's snapshot rows; called under the tree's lock, and records each node's byte count for the next. */
final class SnapshotRows {

    private SnapshotRows() {
    }

    /** One row per node under {@code root}, parents before children, with the rate reserved since the previous snapshot. */
    static List<NodeSnapshot> of(ShareNode root, Direction direction, long now) {
        List<NodeSnapshot> rows = new ArrayList<>();
        for (ShareNode node : root.subtree()) {
            long[] counts = new long[2];
            node.forEachLeaf(leaf -> {
                counts[0] += leaf.reservedBytes();
                counts[1] += leaf.hasWaiter() ? 1 : 0;
            });
            double measured = node.snapshotTaken && now > node.lastSnapshotAt
                    ? (counts[0] - node.bytesAtLastSnapshot) * 1e9 / (now - node.lastSnapshotAt) : 0;
            node.snapshotTaken = true;
            node.bytesAtLastSnapshot = counts[0];
            node.lastSnapshotAt = now;
            int activeChildren = 0;
            for (ShareNode child : node.children) {
                activeChildren += child.activeLeaves > 0 ? 1 : 0;
            }
            boolean paused = node.pausedHereOrAbove();
            rows.add(new NodeSnapshot(node.path, direction, node.leaf != null,
                    node.assured == 0 ? Optional.empty() : Optional.of(ShareTree.rate(node.assured)), ShareTree.rate(node.ceil),
                    node.weight, node.allotted == 0 ? Optional.empty() : Optional.of(ShareTree.rate(node.allotted)), paused,
                    node.leaf != null ? node.activeLeaves : activeChildren, (int) counts[1], counts[0], measured));
        }
        return rows;
    }
}
