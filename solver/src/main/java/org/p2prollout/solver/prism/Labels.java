package org.p2prollout.solver.prism;

import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Labels of a PRISM explicit model ({@code .lab}): named sets of states, in file order. The
 * label {@code init} gives the initial states. Immutable.
 */
public final class Labels {
    private final Map<String, BitSet> sets;
    private final int states;

    /** @param sets label name → states carrying it (copied), in the order to write them */
    public Labels(Map<String, BitSet> sets, int states) {
        this.sets = new LinkedHashMap<>();
        sets.forEach((k, v) -> this.sets.put(k, (BitSet) v.clone()));
        this.states = states;
    }

    public List<String> names() {
        return List.copyOf(sets.keySet());
    }

    public int states() {
        return states;
    }

    public boolean has(String label) {
        return sets.containsKey(label);
    }

    /** Whether {@code state} carries {@code label} (false for an unknown label). */
    public boolean holds(String label, int state) {
        BitSet b = sets.get(label);
        return b != null && b.get(state);
    }

    /** The states carrying {@code label}, increasing; empty for an unknown label. */
    public int[] statesWith(String label) {
        BitSet b = sets.get(label);
        return b == null ? new int[0] : b.stream().toArray();
    }
}
