package org.p2prollout.model.spread;

import java.util.Arrays;

/**
 * The exact spread of an update over a {@link TemporalContacts} network: earliest arrival along
 * time-respecting paths (Dijkstra's algorithm on a temporal graph).
 *
 * <p>A device that holds the update from time τ passes it over a contact {@code [s, e]} with a
 * device lacking it when the contact, from {@code b = max(s, τ)}, lasts at least the transfer
 * time d ({@code b + d <= e}); the receiver then holds it from {@code b + d}, and may pass it on
 * within the same or later contacts. With d = 0 (instantaneous transfer) a contact passes the
 * update as soon as either side holds it. Devices may also receive at given times without a
 * contact (server downloads). Devices are settled in increasing order of arrival, so the k-th
 * settled device gives the time at which k devices hold the update.
 *
 * <p>Cost per spread: one pass over the contacts from the release until {@code stopAfter} devices
 * hold the update (or the horizon), plus, per device reached, a binary search and a scan of its
 * contacts up at its arrival, plus O(log n) per arrival offered. An
 * instance holds work arrays of size N and is not thread-safe: use one per thread.
 */
public final class EarliestArrival {
    private final TemporalContacts net;
    private final double[] tau;
    private final boolean[] settled;
    private final int[] touched;
    private int touchedCount;
    private double[] heapKey = new double[64];
    private int[] heapNode = new int[64];
    private int heapSize;

    public EarliestArrival(TemporalContacts net) {
        this.net = net;
        int n = net.devices();
        tau = new double[n];
        settled = new boolean[n];
        touched = new int[n];
        Arrays.fill(tau, Double.POSITIVE_INFINITY);
    }

    /**
     * Spreads the update and writes arrival times in increasing order.
     *
     * @param holders      devices holding the update at {@code release}
     * @param release      release time, seconds
     * @param horizonEnd   arrivals after this time are not followed, seconds
     * @param transfer     transfer time d of the update over a contact, seconds, {@code >= 0}
     * @param directTimes  per device, a time at which it gets the update without a contact (server
     *                     download), or {@code +Infinity}; {@code null} for none; not modified
     * @param stopAfter    stop once this many devices hold the update (e.g. ⌈qM⌉ for the largest q)
     * @param arrivalTimes output: arrival times, ascending, holders first (at {@code release});
     *                     length {@code >= min(stopAfter, N)}
     * @param arrivalDevices output parallel to {@code arrivalTimes}, or {@code null}
     * @return number of devices that hold the update by {@code horizonEnd} (at most {@code stopAfter})
     */
    public int spread(int[] holders, double release, double horizonEnd, double transfer, double[] directTimes,
                      int stopAfter, double[] arrivalTimes, int[] arrivalDevices) {
        reset();
        for (int h : holders) {
            offer(h, release);
        }
        if (directTimes != null) {
            for (int d = 0; d < directTimes.length; d++) {
                if (directTimes[d] <= horizonEnd) {
                    offer(d, Math.max(release, directTimes[d]));
                }
            }
        }
        // A time sweep over contacts in order of start, interleaved with pending arrivals in
        // order of time (arrivals first on ties, so a contact starting as a device gets the
        // update sees it as a holder). A contact is usable from a holder settled before it starts;
        // a device settled while contacts are already up looks those up in its own row.
        int reached = 0;
        int j = net.firstSweepAtOrAfter(release);
        int contacts = net.contacts();
        while (reached < stopAfter) {
            double next = j < contacts ? net.sweepStart(j) : Double.POSITIVE_INFINITY;
            if (heapSize > 0 && heapKey[0] <= next) {
                double t = heapKey[0];
                int u = heapNode[0];
                pop();
                if (settled[u] || t > tau[u]) {
                    continue;
                }
                settled[u] = true;
                arrivalTimes[reached] = t;
                if (arrivalDevices != null) {
                    arrivalDevices[reached] = u;
                }
                reached++;
                int rowEnd = net.rowEnd(u);
                double arrival = t + transfer;
                for (int k = net.firstStartingAtOrAfter(u, t - net.longest(u)); k < rowEnd; k++) {
                    if (net.start(k) > t) {
                        break;
                    }
                    int v = net.peer(k);
                    if (!settled[v] && arrival <= net.end(k) && arrival <= horizonEnd && arrival < tau[v]) {
                        offer(v, arrival);
                    }
                }
                continue;
            }
            if (next > horizonEnd) {
                break;
            }
            int a = net.sweepA(j);
            int b = net.sweepB(j);
            boolean ha = settled[a];
            if (ha != settled[b]) {
                double arrival = next + transfer;
                int v = ha ? b : a;
                if (arrival <= net.sweepEnd(j) && arrival <= horizonEnd && arrival < tau[v]) {
                    offer(v, arrival);
                }
            }
            j++;
        }
        return reached;
    }

    private void reset() {
        for (int i = 0; i < touchedCount; i++) {
            int d = touched[i];
            tau[d] = Double.POSITIVE_INFINITY;
            settled[d] = false;
        }
        touchedCount = 0;
        heapSize = 0;
    }

    private void offer(int d, double t) {
        if (!(t < tau[d])) {
            return;
        }
        if (tau[d] == Double.POSITIVE_INFINITY) {
            touched[touchedCount++] = d;
        }
        tau[d] = t;
        push(t, d);
    }

    private void push(double key, int node) {
        if (heapSize == heapKey.length) {
            heapKey = Arrays.copyOf(heapKey, 2 * heapSize);
            heapNode = Arrays.copyOf(heapNode, 2 * heapSize);
        }
        int i = heapSize++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (heapKey[parent] <= key) {
                break;
            }
            heapKey[i] = heapKey[parent];
            heapNode[i] = heapNode[parent];
            i = parent;
        }
        heapKey[i] = key;
        heapNode[i] = node;
    }

    private void pop() {
        int last = --heapSize;
        if (last == 0) {
            return;
        }
        double key = heapKey[last];
        int node = heapNode[last];
        int i = 0;
        while (true) {
            int c = 2 * i + 1;
            if (c >= last) {
                break;
            }
            if (c + 1 < last && heapKey[c + 1] < heapKey[c]) {
                c++;
            }
            if (heapKey[c] >= key) {
                break;
            }
            heapKey[i] = heapKey[c];
            heapNode[i] = heapNode[c];
            i = c;
        }
        heapKey[i] = key;
        heapNode[i] = node;
    }
}
