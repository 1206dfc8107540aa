package dev.sluice.emulator;

import java.util.List;

/**
 * The faults a running emulator applies, changeable while it runs: {@code emulator.faults().add(fault)}.
 * Thread-safe. When several faults match a request, the first added that still has uses wins for each
 * {@link Fault.Kind}.
 */
public interface Faults {

    /**
     * Applies {@code fault} to the requests that arrive from now on.
     *
     * @throws IllegalArgumentException if {@code fault} is null
     */
    void add(Fault fault);

    /** Removes every fault. */
    void clear();

    /** The faults still in force (a {@link Fault#times(int) counted} fault leaves once used up). */
    List<Fault> active();
}
