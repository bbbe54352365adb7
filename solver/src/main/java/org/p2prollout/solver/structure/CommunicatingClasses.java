package org.p2prollout.solver.structure;

import java.util.Arrays;
import org.p2prollout.solver.Generator;

/**
 * The communicating classes (strongly connected components of the transition graph) of a CTMC
 * and which of them are bottom classes (closed: no transition leaves them). Computed by an
 * iterative Tarjan algorithm with explicit stacks, so chains of millions of states do not
 * overflow the call stack. Time and memory are linear in states + transitions. Immutable.
 *
 * <p>Classes are numbered in the order Tarjan completes them, which is a reverse topological
 * order of the condensation: every transition between classes goes from a higher class number to
 * a lower or equal one. In particular the class with number 0 is always a bottom class.
 */
public final class CommunicatingClasses {
    private final int[] classOf;
    private final int count;
    private final boolean[] bottom;
    private final int[] memberStart;
    private final int[] members;

    private CommunicatingClasses(int[] classOf, int count, boolean[] bottom) {
        this.classOf = classOf;
        this.count = count;
        this.bottom = bottom;
        memberStart = new int[count + 1];
        for (int c : classOf) {
            memberStart[c + 1]++;
        }
        for (int c = 0; c < count; c++) {
            memberStart[c + 1] += memberStart[c];
        }
        int[] next = Arrays.copyOf(memberStart, count);
        members = new int[classOf.length];
        for (int s = 0; s < classOf.length; s++) {
            members[next[classOf[s]]++] = s;
        }
    }

    /** Computes the classes of {@code q}'s transition graph (edges with rate > 0). */
    public static CommunicatingClasses of(Generator q) {
        int n = q.states();
        int[] index = new int[n];
        int[] low = new int[n];
        Arrays.fill(index, -1);
        int[] classOf = new int[n];
        Arrays.fill(classOf, -1);
        int[] tarjanStack = new int[n];
        int tarjanTop = 0;
        boolean[] onStack = new boolean[n];
        int[] callNode = new int[n];
        int[] callEdge = new int[n];
        int nextIndex = 0;
        int count = 0;
        for (int root = 0; root < n; root++) {
            if (index[root] >= 0) {
                continue;
            }
            int depth = 0;
            callNode[0] = root;
            callEdge[0] = q.rowStart(root);
            index[root] = low[root] = nextIndex++;
            tarjanStack[tarjanTop++] = root;
            onStack[root] = true;
            while (depth >= 0) {
                int v = callNode[depth];
                int k = callEdge[depth];
                if (k < q.rowEnd(v)) {
                    callEdge[depth] = k + 1;
                    int w = q.column(k);
                    if (index[w] < 0) {
                        index[w] = low[w] = nextIndex++;
                        tarjanStack[tarjanTop++] = w;
                        onStack[w] = true;
                        depth++;
                        callNode[depth] = w;
                        callEdge[depth] = q.rowStart(w);
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                    continue;
                }
                if (low[v] == index[v]) {
                    int w;
                    do {
                        w = tarjanStack[--tarjanTop];
                        onStack[w] = false;
                        classOf[w] = count;
                    } while (w != v);
                    count++;
                }
                depth--;
                if (depth >= 0) {
                    int parent = callNode[depth];
                    low[parent] = Math.min(low[parent], low[v]);
                }
            }
        }
        boolean[] bottom = new boolean[count];
        Arrays.fill(bottom, true);
        for (int s = 0; s < n; s++) {
            for (int k = q.rowStart(s); k < q.rowEnd(s); k++) {
                if (classOf[q.column(k)] != classOf[s]) {
                    bottom[classOf[s]] = false;
                    break;
                }
            }
        }
        return new CommunicatingClasses(classOf, count, bottom);
    }

    /** Number of communicating classes. */
    public int count() {
        return count;
    }

    /** The class of state {@code s}, in {@code [0, count())}. */
    public int classOf(int s) {
        return classOf[s];
    }

    /** Whether class {@code c} is closed (a bottom strongly connected component). */
    public boolean isBottom(int c) {
        return bottom[c];
    }

    /** Whether the whole chain is one communicating class. */
    public boolean isIrreducible() {
        return count == 1;
    }

    /** Number of states in class {@code c}. */
    public int size(int c) {
        return memberStart[c + 1] - memberStart[c];
    }

    /** The states of class {@code c}, increasing. A fresh array. */
    public int[] members(int c) {
        return Arrays.copyOfRange(members, memberStart[c], memberStart[c + 1]);
    }

    /** The bottom classes' numbers, increasing. */
    public int[] bottomClasses() {
        int m = 0;
        for (boolean b : bottom) {
            m += b ? 1 : 0;
        }
        int[] out = new int[m];
        int i = 0;
        for (int c = 0; c < count; c++) {
            if (bottom[c]) {
                out[i++] = c;
            }
        }
        return out;
    }

    /** Whether state {@code s} is transient (its class is not a bottom class). */
    public boolean isTransient(int s) {
        return !bottom[classOf[s]];
    }
}
