package dev.sluice.emulator.internal;

import dev.sluice.emulator.Fault;
import dev.sluice.emulator.Faults;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** The faults in force, with the uses left of counted ones. */
public final class FaultRegistry implements Faults {

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    /** A registry holding {@code initial}. */
    public FaultRegistry(List<Fault> initial) {
        initial.forEach(this::add);
    }

    @Override
    public void add(Fault fault) {
        if (fault == null) {
            throw new IllegalArgumentException("fault must not be null");
        }
        entries.add(new Entry(fault));
    }

    @Override
    public void clear() {
        entries.clear();
    }

    @Override
    public List<Fault> active() {
        List<Fault> active = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.left == null || entry.left.get() > 0) {
                active.add(entry.fault);
            }
        }
        return List.copyOf(active);
    }

    /** The faults that apply to this request, one per kind, each counted use taken now. */
    Map<Fault.Kind, Fault> take(String method, String bucketAndKey) {
        Map<Fault.Kind, Fault> taken = new EnumMap<>(Fault.Kind.class);
        for (Entry entry : entries) {
            Fault fault = entry.fault;
            if (taken.containsKey(fault.kind()) || !fault.matches(method, bucketAndKey)) {
                continue;
            }
            if (entry.left == null || entry.left.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                taken.put(fault.kind(), fault);
            }
            if (entry.left != null && entry.left.get() == 0) {
                entries.remove(entry);
            }
        }
        return taken;
    }

    @Override
    public String toString() {
        return "Faults" + active();
    }

    private static final class Entry {

        final Fault fault;
        final AtomicInteger left;

        Entry(Fault fault) {
            this.fault = fault;
            this.left = fault.times().isPresent() ? new AtomicInteger(fault.times().getAsInt()) : null;
        }
    }
}
