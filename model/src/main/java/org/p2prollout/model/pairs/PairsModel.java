package org.p2prollout.model.pairs;

import java.util.Arrays;
import java.util.List;
import org.p2prollout.core.Checks;
import org.p2prollout.core.InvalidInputException;

/**
 * The individual-based pairs model of a fleet (PRODUCT.md §4.7, contact-only traces): every pair
 * of devices meets as a Poisson process at its own encounter rate while both are present, every
 * rate scaled by an activity factor of the time slot (hour of day), and every device switches
 * between present and absent by a two-state Markov chain of its own whose rates depend on the slot.
 * Devices are grouped into communities (the "zones" of a contact-only trace), which the fit uses
 * to pool rates within and between communities.
 *
 * <p>Slot {@code s} covers {@code [s, s+1) × slotSeconds} of a cycle of {@code slots × slotSeconds}
 * seconds (a day of 24 hourly slots), measured from the cycle's start (local midnight). A static
 * fleet (always present, constant rates) is one slot with no switching
 * ({@link #alwaysPresent}). Immutable: arrays are copied in and out.
 *
 * @param names       device names, index = device, {@code >= 2} devices
 * @param rates       λ_ij, encounter rate of devices i and j while both are present, per second,
 *                    {@code >= 0}, symmetric with a zero diagonal (N × N)
 * @param contactShare π_ij, the share of the pair's co-present time spent in contact, in [0, 1),
 *                    symmetric (N × N): the chance that a device receiving the update is in contact with
 *                    that peer at that moment and passes it on at once (scaled by the slot's activity)
 * @param arrivalShare α_ij, the chance that device i, appearing while j is present, appears in contact
 *                    with j (in a contact list a device's presence begins with a contact), in [0, 1)
 *                    (N × N, not symmetric)
 * @param activity    per slot, the factor on every pair's rate, {@code >= 0} (weighted mean 1 over
 *                    co-presence in a fit); its length is the number of slots, {@code >= 1}
 * @param presence    per device and slot, the probability that the device is present, in [0, 1]
 *                    (the initial state of a release starting in that slot)
 * @param onRates     per device and slot, rate at which an absent device appears, per second, {@code >= 0}
 * @param offRates    per device and slot, rate at which a present device leaves, per second, {@code >= 0}
 * @param community   community of each device, in {@code [0, C)}
 * @param slotSeconds length of a slot, seconds, {@code > 0} (3,600)
 */
public record PairsModel(List<String> names, double[][] rates, double[][] contactShare, double[][] arrivalShare,
                         double[] activity, double[][] presence,
                         double[][] onRates, double[][] offRates, int[] community, double slotSeconds) {
    public PairsModel {
        names = List.copyOf(names);
        int n = names.size();
        if (n < 2) {
            throw new InvalidInputException("a pairs model needs at least 2 devices, got " + n);
        }
        Checks.positive("slot length (s)", slotSeconds);
        if (activity == null || activity.length < 1) {
            throw new InvalidInputException("a pairs model needs at least one time slot");
        }
        activity = activity.clone();
        for (double a : activity) {
            if (!(a >= 0) || !Double.isFinite(a)) {
                throw new InvalidInputException("activity factors must be finite and >= 0, got " + a);
            }
        }
        int slots = activity.length;
        rates = copy(rates, n, n, "encounter rates");
        for (int i = 0; i < n; i++) {
            if (rates[i][i] != 0) {
                throw new InvalidInputException("a device does not meet itself: rate[" + i + "][" + i + "] = " + rates[i][i]);
            }
            for (int j = 0; j < i; j++) {
                if (rates[i][j] != rates[j][i]) {
                    throw new InvalidInputException("encounter rates must be symmetric: rate[" + i + "][" + j + "] = "
                            + rates[i][j] + " but rate[" + j + "][" + i + "] = " + rates[j][i]);
                }
            }
        }
        contactShare = copy(contactShare, n, n, "contact shares");
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (contactShare[i][j] >= 1 || contactShare[i][j] != contactShare[j][i]) {
                    throw new InvalidInputException("contact shares must be symmetric and in [0, 1), got "
                            + contactShare[i][j] + " for pair " + i + ", " + j);
                }
            }
        }
        arrivalShare = copy(arrivalShare, n, n, "arrival shares");
        for (double[] row : arrivalShare) {
            for (double v : row) {
                if (v >= 1) {
                    throw new InvalidInputException("arrival shares must be in [0, 1), got " + v);
                }
            }
        }
        presence = copy(presence, n, slots, "presence");
        onRates = copy(onRates, n, slots, "on-rates");
        offRates = copy(offRates, n, slots, "off-rates");
        for (double[] row : presence) {
            for (double p : row) {
                if (p > 1) {
                    throw new InvalidInputException("presence probabilities must be in [0, 1], got " + p);
                }
            }
        }
        if (community == null || community.length != n) {
            throw new InvalidInputException("a pairs model needs one community per device (" + n + ")");
        }
        community = community.clone();
        for (int c : community) {
            if (c < 0 || c >= n) {
                throw new InvalidInputException("community indices must be in [0, " + n + "), got " + c);
            }
        }
    }

    private static double[][] copy(double[][] m, int rows, int cols, String what) {
        if (m == null || m.length != rows) {
            throw new InvalidInputException(what + ": need " + rows + " rows, got " + (m == null ? 0 : m.length));
        }
        double[][] c = new double[rows][];
        for (int i = 0; i < rows; i++) {
            if (m[i] == null || m[i].length != cols) {
                throw new InvalidInputException(what + ": row " + i + " needs " + cols + " values");
            }
            c[i] = m[i].clone();
            for (double v : c[i]) {
                if (!(v >= 0) || !Double.isFinite(v)) {
                    throw new InvalidInputException(what + " must be finite and >= 0, got " + v);
                }
            }
        }
        return c;
    }

    /**
     * A static fleet: every device present all the time, constant rates, one community.
     *
     * @param rates λ_ij per second, symmetric, zero diagonal
     */
    public static PairsModel alwaysPresent(double[][] rates) {
        return alwaysPresent(rates, new double[rates.length][rates.length]);
    }

    /**
     * A static fleet with contact shares: every device present all the time, constant rates, one community.
     *
     * @param rates        λ_ij per second, symmetric, zero diagonal
     * @param contactShare π_ij in [0, 1), symmetric
     */
    public static PairsModel alwaysPresent(double[][] rates, double[][] contactShare) {
        int n = rates.length;
        double[][] one = new double[n][1];
        double[][] zero = new double[n][1];
        for (double[] r : one) {
            r[0] = 1;
        }
        List<String> names = java.util.stream.IntStream.range(0, n).mapToObj(Integer::toString).toList();
        return new PairsModel(names, rates, contactShare, new double[n][n], new double[] {1}, one, zero, zero, new int[n],
                3600);
    }

    /** Number of devices N. */
    public int devices() {
        return names.size();
    }

    /** Number of time slots in a cycle. */
    public int slots() {
        return activity.length;
    }

    /** Number of communities C (largest index + 1). */
    public int communities() {
        return Arrays.stream(community).max().orElse(0) + 1;
    }

    /** λ_ij, per second. */
    public double rate(int i, int j) {
        return rates[i][j];
    }

    /** True when no device ever switches presence and all are present (a static fleet). */
    public boolean isStatic() {
        for (int i = 0; i < devices(); i++) {
            for (int s = 0; s < slots(); s++) {
                if (presence[i][s] != 1 || onRates[i][s] != 0 || offRates[i][s] != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public double[][] rates() {
        return deep(rates);
    }

    @Override
    public double[][] contactShare() {
        return deep(contactShare);
    }

    @Override
    public double[][] arrivalShare() {
        return deep(arrivalShare);
    }

    @Override
    public double[] activity() {
        return activity.clone();
    }

    @Override
    public double[][] presence() {
        return deep(presence);
    }

    @Override
    public double[][] onRates() {
        return deep(onRates);
    }

    @Override
    public double[][] offRates() {
        return deep(offRates);
    }

    @Override
    public int[] community() {
        return community.clone();
    }

    private static double[][] deep(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PairsModel p && p.names.equals(names) && Arrays.deepEquals(p.rates, rates)
                && Arrays.deepEquals(p.contactShare, contactShare) && Arrays.deepEquals(p.arrivalShare, arrivalShare)
                && Arrays.equals(p.activity, activity) && Arrays.deepEquals(p.presence, presence)
                && Arrays.deepEquals(p.onRates, onRates) && Arrays.deepEquals(p.offRates, offRates)
                && Arrays.equals(p.community, community) && p.slotSeconds == slotSeconds;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(names, Arrays.deepHashCode(rates), Arrays.hashCode(activity),
                Arrays.deepHashCode(presence), Arrays.hashCode(community), slotSeconds);
    }

    @Override
    public String toString() {
        return "PairsModel[" + devices() + " devices, " + slots() + " slots of " + slotSeconds + " s, " + communities()
                + " communities]";
    }
}
