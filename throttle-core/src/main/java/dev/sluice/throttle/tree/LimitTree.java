package dev.sluice.throttle.tree;

import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import dev.sluice.api.RateLimiter;
import dev.sluice.api.Ticker;
import dev.sluice.throttle.LeakyBucket;
import dev.sluice.throttle.Scheduler;
import dev.sluice.throttle.tree.internal.ShareTree;
import dev.sluice.throttle.tree.internal.TreeText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A hierarchy of bandwidth limits with borrowing, in the manner of Linux's HTB: a global root, any number
 * of keyed nodes below it (bucket, host, tenant: any path such as {@code bucket:logs/tenant:acme}), and one
 * leaf per running transfer. Each node has a guaranteed rate ({@code assured}), a ceiling ({@code ceil})
 * and a weight ({@link NodeLimits}), separately for upload and download ({@link DirectionalRate}).
 *
 * <p><b>Rules.</b> A node's rate is shared among its <em>busy</em> children in proportion to their weights;
 * each busy child gets at least its assured rate and never more than its ceiling, and what a capped
 * child cannot use goes to its busy siblings (weighted max-min fairness). Idle children take nothing, so
 * their share is borrowed by the busy ones, and it comes back the moment an idle child reserves again:
 * that reservation is already priced at the new split, and the siblings' waiting reservations are re-timed
 * to theirs. A transfer is busy from its first reservation until it has neither reserved within the idle
 * window ({@link Builder#idleAfter}, 200 ms by default) nor a reservation still waiting. No node exceeds
 * its ceiling or its parent's rate.
 *
 * <p><b>Design.</b> Each transfer's leaf is a {@link LeakyBucket} paced at the transfer's share, and the
 * shares are recomputed (under one lock) only when the busy set or a limit changes; {@link LeakyBucket#setRate}
 * then re-times what is waiting. A reservation is therefore the leaf bucket's single compare-and-set plus a
 * volatile write and a per-leaf counter: it takes no lock and writes nothing shared with other transfers
 * (it reads one shared volatile, the time of the next idle sweep), so transfers of one parent do not
 * contend. Interior nodes hold no bucket: the shares of a node's children add up to at most its own share
 * by construction, so the leaf buckets already hold every node to its rate. The one cost of that choice is
 * that a transfer which turns busy may send its leaf's burst (16 KiB by default) at once, so a parent can
 * run ahead of its rate by at most one leaf burst per transfer that turns busy, never over time. The
 * alternative (a bucket per interior node, reserved on every grant) would add a contended compare-and-set
 * per level to every reservation, for nothing in the steady state. The idle sweep runs from the first
 * reservation after the earliest moment a busy transfer may have gone idle, or from a timer on the scheduler
 * at that moment when no reservation comes (one timer per direction, and none while no transfer is busy).
 *
 * <p><b>Runtime control.</b> {@link #setLimits}, {@link #pause} and {@link #resume} take effect within
 * one grant; paused transfers keep their waiting reservations (paced at their share / 2^20, at least 1 bit/s,
 * meanwhile: held for all practical purposes, and any backlog up to 36 minutes comes back intact) and resume
 * re-times them. {@link #snapshot()} reads every node's configuration, share, busy children, waiters and
 * measured rate.
 *
 * <pre>{@code
 * LimitTree tree = LimitTree.parse(
 *     "global=100KiB/s:1MiB/s; bucket:logs assured=20KiB/s weight=2; bucket:media ceil=50KiB/s:off");
 * try (TreeTransfer transfer = tree.open("bucket:logs")) {
 *     Pacer pacer = Pacer.of(transfer.upload());   // 100 KiB/s alone, 2/3 of it next to bucket:media
 *     pacer.acquire(64 * 1024);
 * }
 * }</pre>
 */
public final class LimitTree {

    /** The root's path. */
    public static final String ROOT = "global";
    /** The default idle window: a transfer that neither reserved nor waited for this long lends its share. */
    public static final Duration DEFAULT_IDLE_AFTER = Duration.ofMillis(200);

    private final Object lock = new Object();
    private final Map<String, NodeLimits> limits;
    private final Map<String, String> parents;
    private final Map<String, TreeTransfer> transfers = new LinkedHashMap<>();
    private final ShareTree upload;
    private final ShareTree download;
    private long transferCount;

    private LimitTree(Builder builder) {
        this.limits = new LinkedHashMap<>();
        this.parents = new LinkedHashMap<>();
        long idleNanos = builder.idleAfter.toNanos();
        this.upload = new ShareTree(Direction.UPLOAD, this::setTransferCeiling, builder.ticker, builder.scheduler,
                idleNanos, builder.leafBurst, ROOT, bits(builder.global.upload()));
        this.download = new ShareTree(Direction.DOWNLOAD, this::setTransferCeiling, builder.ticker, builder.scheduler,
                idleNanos, builder.leafBurst, ROOT, bits(builder.global.download()));
        limits.put(ROOT, NodeLimits.DEFAULT.ceil(builder.global));
        parents.put(ROOT, null);
        for (Map.Entry<String, NodeLimits> node : builder.nodes.entrySet()) {
            String path = node.getKey();
            String parent = TreeText.parentOf(path, ROOT);
            check(path, parent, node.getValue());
            for (ShareTree tree : trees()) {
                tree.addNode(path, parent, assured(node.getValue(), tree.direction()),
                        bits(node.getValue().ceil().get(tree.direction())), node.getValue().weight());
            }
            limits.put(path, node.getValue());
            parents.put(path, parent);
        }
    }

    /** A builder; without nodes it builds an unlimited root only. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A tree from its textual form on the system clock, e.g.
     * {@code "global=8MiB/s:1MiB/s; bucket:logs assured=2MiB/s ceil=8MiB/s weight=2; bucket:logs/tenant:acme ceil=1MiB/s"}:
     * statements separated by {@code ;}, each a node's path and its attributes ({@code assured=},
     * {@code ceil=}, {@code weight=}), {@code PATH=RATES} being short for {@code PATH ceil=RATES}. Parents come
     * before their children; {@code global} is the root. Rates are {@link DirectionalRate}s.
     *
     * @throws IllegalArgumentException naming the column and token, or the node, value and allowed range
     */
    public static LimitTree parse(String text) {
        return builder().text(text).build();
    }

    /** Opens a transfer under node {@code path}, with weight 1, no guarantee and no ceiling of its own. */
    public TreeTransfer open(String path) {
        return open(path, NodeLimits.DEFAULT);
    }

    /**
     * Opens a transfer under node {@code path} with its own {@code limits}.
     *
     * @throws IllegalArgumentException if there is no such node or the limits do not fit it
     */
    public TreeTransfer open(String path, NodeLimits transferLimits) {
        synchronized (lock) {
            requireNode(path);
            if (transfers.containsKey(path)) {
                throw new IllegalArgumentException("node " + path + " is a transfer; open transfers under its parent");
            }
            String leafPath = (path.equals(ROOT) ? "" : path + "/") + "#" + (++transferCount);
            check(leafPath, path, transferLimits);
            RateLimiter up = openLeaf(upload, leafPath, path, transferLimits);
            RateLimiter down = openLeaf(download, leafPath, path, transferLimits);
            TreeTransfer transfer = new TreeTransfer(this, leafPath, up, down);
            transfers.put(leafPath, transfer);
            limits.put(leafPath, transferLimits);
            parents.put(leafPath, path);
            return transfer;
        }
    }

    void close(TreeTransfer transfer) {
        synchronized (lock) {
            if (transfers.remove(transfer.path()) == null) {
                return;
            }
            limits.remove(transfer.path());
            parents.remove(transfer.path());
        }
        upload.closeLeaf(transfer.upload());
        download.closeLeaf(transfer.download());
    }

    /**
     * The limits node {@code path} is configured with.
     *
     * @throws IllegalArgumentException if there is no such node
     */
    public NodeLimits limits(String path) {
        synchronized (lock) {
            requireNode(path);
            return limits.get(path);
        }
    }

    /**
     * Gives node {@code path} (or a transfer's leaf) new limits, effective within one grant: shares are
     * recomputed and waiting reservations re-timed.
     *
     * @throws IllegalArgumentException if there is no such node or the limits break a rule; nothing changes then
     */
    public void setLimits(String path, NodeLimits newLimits) {
        if (newLimits == null) {
            throw new IllegalArgumentException("limits must not be null (use NodeLimits.DEFAULT)");
        }
        synchronized (lock) {
            requireNode(path);
            check(path, parents.get(path), newLimits);
            limits.put(path, newLimits);
            for (ShareTree tree : trees()) {
                tree.setLimits(path, assured(newLimits, tree.direction()), bits(newLimits.ceil().get(tree.direction())),
                        newLimits.weight());
            }
        }
    }

    /**
     * Gives node {@code path} the ceilings {@code ceil}, keeping its guarantee and weight: {@link #setLimits}
     * with only the ceiling changed, read and written under the tree's lock. This is what a timetable
     * applied to a node calls at each boundary.
     *
     * @throws IllegalArgumentException if there is no such node, or the ceiling is below the node's or its
     *     children's guarantee; nothing changes then
     */
    public void setCeil(String path, DirectionalRate ceil) {
        synchronized (lock) {
            setLimits(path, limits(path).ceil(ceil));
        }
    }

    /** A transfer leaf's own {@code setRate}: its ceiling that way, checked and recorded as by {@link #setLimits}. */
    private void setTransferCeiling(String path, Direction direction, DataRate ceil) {
        synchronized (lock) {
            NodeLimits current = limits(path);
            setLimits(path, current.ceil(current.ceil().with(direction, ceil)));
        }
    }

    /**
     * Pauses node {@code path} and everything under it: its transfers' waiting reservations are held (not
     * lost), and its share goes to its siblings until {@link #resume}.
     *
     * @throws IllegalArgumentException if there is no such node
     */
    public void pause(String path) {
        setPaused(path, true);
    }

    /**
     * Resumes a paused node: its transfers get their share back and their waiting reservations are re-timed.
     *
     * @throws IllegalArgumentException if there is no such node
     */
    public void resume(String path) {
        setPaused(path, false);
    }

    private void setPaused(String path, boolean paused) {
        synchronized (lock) {
            requireNode(path);
            upload.setPaused(path, paused);
            download.setPaused(path, paused);
        }
    }

    /** Every node, upload rows then download rows, parents before children. See {@link NodeSnapshot}. */
    public List<NodeSnapshot> snapshot() {
        List<NodeSnapshot> rows = new ArrayList<>(upload.snapshot());
        rows.addAll(download.snapshot());
        return rows;
    }

    /** The configured nodes (not the transfers) in the textual form, which {@link #parse} reads back. */
    @Override
    public String toString() {
        synchronized (lock) {
            StringBuilder text = new StringBuilder(ROOT).append('=').append(limits.get(ROOT).ceil());
            for (Map.Entry<String, NodeLimits> node : limits.entrySet()) {
                if (!node.getKey().equals(ROOT) && !transfers.containsKey(node.getKey())) {
                    text.append("; ").append(node.getKey()).append(' ').append(node.getValue());
                }
            }
            return text.toString();
        }
    }

    private RateLimiter openLeaf(ShareTree tree, String leafPath, String parent, NodeLimits transferLimits) {
        return tree.openLeaf(leafPath, parent, assured(transferLimits, tree.direction()),
                bits(transferLimits.ceil().get(tree.direction())), transferLimits.weight());
    }

    private void check(String path, String parent, NodeLimits nodeLimits) {
        for (ShareTree tree : trees()) {
            String problem = tree.problem(path, parent, assured(nodeLimits, tree.direction()),
                    bits(nodeLimits.ceil().get(tree.direction())));
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
        }
    }

    private void requireNode(String path) {
        if (path == null || !limits.containsKey(path)) {
            throw new IllegalArgumentException("no node " + (path == null ? "null" : "\"" + path + "\"")
                    + " in the limit tree; nodes are " + String.join(", ", limits.keySet()));
        }
    }

    private List<ShareTree> trees() {
        return List.of(upload, download);
    }

    private static long assured(NodeLimits nodeLimits, Direction direction) {
        return nodeLimits.assured().map(rates -> rates.get(direction).bitsPerSecond()).orElse(0L);
    }

    private static long bits(DataRate rate) {
        return rate.bitsPerSecond(); // UNLIMITED is Long.MAX_VALUE, which the shares read as "no limit"
    }

    /** Configures a {@link LimitTree}; nodes are added parents first. */
    public static final class Builder {
        private final Map<String, NodeLimits> nodes = new LinkedHashMap<>();
        private DirectionalRate global = DirectionalRate.OFF;
        private Ticker ticker = Ticker.system();
        private Scheduler scheduler = Scheduler.shared();
        private DataSize leafBurst = LeakyBucket.DEFAULT_BURST;
        private Duration idleAfter = DEFAULT_IDLE_AFTER;

        private Builder() {
        }

        /** The root's ceilings: the total the whole tree may use. Default {@link DirectionalRate#OFF}. */
        public Builder global(DirectionalRate ceil) {
            if (ceil == null) {
                throw new IllegalArgumentException("global rate must not be null (use DirectionalRate.OFF for none)");
            }
            this.global = ceil;
            return this;
        }

        /**
         * Adds node {@code path} (names separated by {@code /}; its parent must already be added, or be the
         * root for a single name). The rates are checked against each other when the tree is built.
         *
         * @throws IllegalArgumentException if the path is malformed, taken, or its parent is missing
         */
        public Builder node(String path, NodeLimits nodeLimits) {
            if (nodeLimits == null) {
                throw new IllegalArgumentException("limits of node " + path + " must not be null (use NodeLimits.DEFAULT)");
            }
            TreeText.checkPath(path, ROOT);
            if (path.equals(ROOT) || nodes.containsKey(path)) {
                throw new IllegalArgumentException("node " + path + " is declared twice");
            }
            String parent = TreeText.parentOf(path, ROOT);
            if (!parent.equals(ROOT) && !nodes.containsKey(parent)) {
                throw new IllegalArgumentException("node " + path + " needs its parent " + parent + " declared first");
            }
            nodes.put(path, nodeLimits);
            return this;
        }

        /** Adds the nodes of a textual form (see {@link LimitTree#parse}); {@code global=} sets the root. */
        public Builder text(String text) {
            TreeText.parse(text, ROOT, this::global, this::node);
            return this;
        }

        /** The time source; default {@link Ticker#system()}. */
        public Builder ticker(Ticker ticker) {
            if (ticker == null) {
                throw new IllegalArgumentException("ticker must not be null (use Ticker.system())");
            }
            this.ticker = ticker;
            return this;
        }

        /** Where siblings' new shares are applied after a transfer turns busy or idle; default shared. */
        public Builder scheduler(Scheduler scheduler) {
            if (scheduler == null) {
                throw new IllegalArgumentException("scheduler must not be null (use Scheduler.shared())");
            }
            this.scheduler = scheduler;
            return this;
        }

        /** Each transfer leaf's burst; at least 1 B. Default {@link LeakyBucket#DEFAULT_BURST}. */
        public Builder leafBurst(DataSize burst) {
            if (burst == null || burst.bytes() < 1) {
                throw new IllegalArgumentException("leaf burst must be at least 1 B, was " + burst);
            }
            this.leafBurst = burst;
            return this;
        }

        /** How long a transfer stays busy after its last reservation; 1 ms to 1 min. Default 200 ms. */
        public Builder idleAfter(Duration idleAfter) {
            if (idleAfter == null || idleAfter.compareTo(Duration.ofMillis(1)) < 0
                    || idleAfter.compareTo(Duration.ofMinutes(1)) > 0) {
                throw new IllegalArgumentException("idle window must be 1 ms to 60000 ms, was "
                        + (idleAfter == null ? "null" : idleAfter.toMillis() + " ms"));
            }
            this.idleAfter = idleAfter;
            return this;
        }

        /** @throws IllegalArgumentException naming the node, value and allowed range if rates do not fit */
        public LimitTree build() {
            return new LimitTree(this);
        }
    }
}
