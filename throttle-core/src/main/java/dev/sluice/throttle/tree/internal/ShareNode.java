package dev.sluice.throttle.tree.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * One node of one direction's tree: its configuration in bits per second, its place, and what the last
 * allocation gave it. Every field is guarded by the owning {@link ShareTree}'s lock.
 */
final class ShareNode {

    final String path;
    final ShareNode parent;
    final List<ShareNode> children = new ArrayList<>();
    /** The transfer's limiter when this is a leaf; {@code null} for an interior node. */
    final LeafLimiter leaf;

    long assured;
    long ceil;
    int weight;
    boolean paused;

    /** Bits per second allotted by the last allocation; 0 when idle or paused. */
    long allotted;
    int activeLeaves;
    long bytesAtLastSnapshot;
    long lastSnapshotAt;
    boolean snapshotTaken;

    ShareNode(String path, ShareNode parent, LeafLimiter leaf, long assured, long ceil, int weight) {
        this.path = path;
        this.parent = parent;
        this.leaf = leaf;
        this.assured = assured;
        this.ceil = ceil;
        this.weight = weight;
    }

    boolean pausedHereOrAbove() {
        for (ShareNode node = this; node != null; node = node.parent) {
            if (node.paused) {
                return true;
            }
        }
        return false;
    }

    long childrenAssured(ShareNode except) {
        long sum = 0;
        for (ShareNode child : children) {
            if (child != except) {
                sum += child.assured;
            }
        }
        return sum;
    }

    /** Calls {@code visitor} on every leaf of this subtree. */
    void forEachLeaf(java.util.function.Consumer<LeafLimiter> visitor) {
        if (leaf != null) {
            visitor.accept(leaf);
        }
        for (ShareNode child : children) {
            child.forEachLeaf(visitor);
        }
    }

    /** This node and its subtree, parents before children. */
    List<ShareNode> subtree() {
        List<ShareNode> nodes = new ArrayList<>();
        addSubtree(nodes);
        return nodes;
    }

    private void addSubtree(List<ShareNode> nodes) {
        nodes.add(this);
        for (ShareNode child : children) {
            child.addSubtree(nodes);
        }
    }
}
