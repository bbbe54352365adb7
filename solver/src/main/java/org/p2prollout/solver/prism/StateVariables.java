package org.p2prollout.solver.prism;

import java.util.List;

/**
 * The state variables of a PRISM explicit model ({@code .sta}): variable names and, per state,
 * one integer value per variable ({@code bool} variables as 0/1, remembered for export).
 * Immutable.
 */
public final class StateVariables {
    private final List<String> names;
    private final boolean[] bool;
    private final int[][] values;   // [variable][state]

    /**
     * @param names  variable names, e.g. {@code [x, y]}
     * @param bool   which variables are booleans (written as true/false)
     * @param values {@code values[v][s]}: value of variable v in state s (copied)
     */
    public StateVariables(List<String> names, boolean[] bool, int[][] values) {
        if (names.size() != values.length || bool.length != values.length) {
            throw new IllegalArgumentException("one name, type and value column per variable");
        }
        this.names = List.copyOf(names);
        this.bool = bool.clone();
        this.values = new int[values.length][];
        for (int v = 0; v < values.length; v++) {
            this.values[v] = values[v].clone();
            if (values[v].length != values[0].length) {
                throw new IllegalArgumentException("every variable needs a value per state");
            }
        }
    }

    public List<String> names() {
        return names;
    }

    public int states() {
        return values.length == 0 ? 0 : values[0].length;
    }

    public boolean isBoolean(int variable) {
        return bool[variable];
    }

    /** Value of variable {@code variable} in state {@code state}. */
    public int value(int state, int variable) {
        return values[variable][state];
    }

    /** E.g. {@code (3,true)}. */
    public String format(int state) {
        StringBuilder b = new StringBuilder("(");
        for (int v = 0; v < values.length; v++) {
            if (v > 0) {
                b.append(',');
            }
            b.append(bool[v] ? String.valueOf(values[v][state] != 0) : String.valueOf(values[v][state]));
        }
        return b.append(')').toString();
    }
}
