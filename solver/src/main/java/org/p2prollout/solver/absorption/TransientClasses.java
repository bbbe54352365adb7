package org.p2prollout.solver.absorption;

import java.util.Arrays;
import org.p2prollout.solver.Generator;

/**
 * The strongly connected components of the chain restricted to the states that are not
 * absorbing and can reach an absorbing state, in topological order (a class comes before every
 * class it has transitions into). Computed by an iterative Tarjan search (no recursion, so no
 * stack overflow on millions of states); states that cannot reach absorption ("trapped") are
 * left out. Time and memory linear in states + transitions.
 */
final class TransientClasses {
    /** Per state: index of its class, or -1 for absorbing and trapped states. */
    final int[] classOf;
    /** States grouped by class; classes in topological order. */
    final int[] members;
    /** Class c holds {@code members[classStart[c] .. classStart[c+1]-1]}. */
    final int[] classStart;
    /** Per state: whether it can reach an absorbing state (absorbing states included). */
    final boolean[] reaches;

    private TransientClasses(int[] classOf, int[] members, int[] classStart, boolean[] reaches) {
        this.classOf = classOf;
        this.members = members;
        this.classStart = classStart;
        this.reaches = reaches;
    }

    int classes() {
        return classStart.length - 1;
    }

    static TransientClasses of(Generator q, boolean[] absorbing) {
        int n = q.states();
        boolean[] reaches = backwardReach(q, absorbing);
        int[] index = new int[n];
        int[] low = new int[n];
        Arrays.fill(index, -1);
        int[] classOf = new int[n];
        Arrays.fill(classOf, -1);
        boolean[] onStack = new boolean[n];
        int[] tarjanStack = new int[n];
        int tsp = 0;
        int[] callState = new int[n];
        int[] callEdge = new int[n];
        int[] members = new int[n];
        int nMembers = 0;
        int[] starts = new int[16];
        int nClasses = 0;
        int counter = 0;
        for (int root = 0; root < n; root++) {
            if (!reaches[root] || absorbing[root] || index[root] >= 0) {
                continue;
            }
            int csp = 0;
            callState[csp] = root;
            callEdge[csp++] = q.rowStart(root);
            index[root] = low[root] = counter++;
            tarjanStack[tsp++] = root;
            onStack[root] = true;
            while (csp > 0) {
                int v = callState[csp - 1];
                int k = callEdge[csp - 1];
                if (k < q.rowEnd(v)) {
                    callEdge[csp - 1] = k + 1;
                    int w = q.column(k);
                    if (absorbing[w] || !reaches[w]) {
                        continue;
                    }
                    if (index[w] < 0) {
                        index[w] = low[w] = counter++;
                        tarjanStack[tsp++] = w;
                        onStack[w] = true;
                        callState[csp] = w;
                        callEdge[csp++] = q.rowStart(w);
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                } else {
                    csp--;
                    if (csp > 0) {
                        int parent = callState[csp - 1];
                        low[parent] = Math.min(low[parent], low[v]);
                    }
                    if (low[v] == index[v]) {   // v roots a class: pop it
                        if (nClasses + 1 >= starts.length) {
                            starts = Arrays.copyOf(starts, starts.length * 2);
                        }
                        starts[nClasses] = nMembers;
                        int w;
                        do {
                            w = tarjanStack[--tsp];
                            onStack[w] = false;
                            classOf[w] = nClasses;
                            members[nMembers++] = w;
                        } while (w != v);
                        nClasses++;
                    }
                }
            }
        }
        starts[nClasses] = nMembers;
        // Tarjan emits classes in reverse topological order; reverse them.
        int[] orderedMembers = new int[nMembers];
        int[] orderedStart = new int[nClasses + 1];
        int pos = 0;
        for (int c = nClasses - 1, r = 0; c >= 0; c--, r++) {
            orderedStart[r] = pos;
            for (int i = starts[c]; i < starts[c + 1]; i++) {
                int s = members[i];
                orderedMembers[pos++] = s;
                classOf[s] = r;
            }
        }
        orderedStart[nClasses] = pos;
        return new TransientClasses(classOf, orderedMembers, orderedStart, reaches);
    }

    /** States from which some absorbing state is reachable (breadth-first over incoming transitions). */
    private static boolean[] backwardReach(Generator q, boolean[] absorbing) {
        int n = q.states();
        boolean[] seen = new boolean[n];
        int[] queue = new int[n];
        int head = 0;
        int tail = 0;
        for (int s = 0; s < n; s++) {
            if (absorbing[s]) {
                seen[s] = true;
                queue[tail++] = s;
            }
        }
        Generator.Incoming in = q.incoming();
        while (head < tail) {
            int s = queue[head++];
            for (int k = in.start(s); k < in.end(s); k++) {
                int p = in.source(k);
                if (!seen[p] && !absorbing[p]) {
                    seen[p] = true;
                    queue[tail++] = p;
                }
            }
        }
        return seen;
    }
}
