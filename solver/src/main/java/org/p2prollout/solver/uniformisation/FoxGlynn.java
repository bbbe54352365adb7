package org.p2prollout.solver.uniformisation;

import java.util.Arrays;
import org.p2prollout.core.Checks;

/**
 * Truncated Poisson weights {@code p(k) = e^{-λ} λ^k / k!} for {@code left <= k <= right},
 * as uniformisation needs them.
 *
 * <p>Method: as in the improved Fox–Glynn algorithm of Jansen (2011, "Understanding Fox and
 * Glynn's 'Computing Poisson probabilities'"), weights are computed relative to the mode
 * {@code m = floor(λ)} (weight 1 there) outward by the ratios {@code p(k-1)/p(k) = k/λ} and
 * {@code p(k+1)/p(k) = λ/(k+1)}, so they never overflow and a far-tail weight can at worst
 * underflow to 0. The truncation points come from these elementary geometric tail bounds (our
 * choice, simpler than Fox and Glynn's asymptotic constants and valid for every λ):
 * <ul>
 * <li>right: for {@code k + 1 > λ}, {@code P(N >= k+1) <= p(k+1) / (1 - λ/(k+2))};</li>
 * <li>left: for {@code k - 1 < λ}, {@code P(N <= k-1) <= p(k-1) / (1 - (k-1)/λ)};</li>
 * </ul>
 * evaluated with {@code p(j) <= w(j) / W}, where {@code W} is the sum of the weights computed
 * so far (which never exceeds the true normaliser). Each side stops as soon as its bound is
 * {@code <= ε/2}.
 *
 * <p>Guarantee: the Poisson mass outside {@code [left, right]} is at most
 * {@link #truncatedMassBound()} {@code <= ε}. The weights are normalised to sum to 1 over
 * {@code [left, right]}; each differs from the exact {@code p(k)} by at most a relative
 * {@code truncatedMassBound()} plus rounding (about {@code |k - m|·1.1e-16} relative, i.e.
 * below 1e-11 for λ up to 1e7 at ε ≥ 1e-16), so for any vectors {@code v_k} of 1-norm at most 1,
 * {@code ‖Σ_k p(k) v_k − Σ_{left..right} weight(k) v_k‖₁ <= 2·truncatedMassBound()}.
 * Stable for λ from 0 to beyond 1e9 (work and memory grow like √λ·√log(1/ε)).
 */
public final class FoxGlynn {
    private final double lambda;
    private final double epsilon;
    private final int left;
    private final int right;
    private final double[] weights;
    private final double truncatedMassBound;

    private FoxGlynn(double lambda, double epsilon, int left, int right, double[] weights, double bound) {
        this.lambda = lambda;
        this.epsilon = epsilon;
        this.left = left;
        this.right = right;
        this.weights = weights;
        this.truncatedMassBound = bound;
    }

    /**
     * @param lambda  the Poisson mean λ = Λ·t, finite and {@code >= 0}, at most 2e9
     * @param epsilon the allowed truncated mass, in (0, 0.5]; e.g. 1e-12
     */
    public static FoxGlynn compute(double lambda, double epsilon) {
        Checks.nonNegative("Poisson mean lambda", lambda);
        if (lambda > 2e9) {
            throw new org.p2prollout.core.InvalidInputException("Poisson mean lambda must be <= 2e9, got " + lambda);
        }
        if (!(epsilon > 0 && epsilon <= 0.5)) {
            throw new org.p2prollout.core.InvalidInputException("epsilon must be in (0, 0.5], got " + epsilon);
        }
        if (lambda == 0) {
            return new FoxGlynn(0, epsilon, 0, 0, new double[] {1.0}, 0.0);
        }
        final double half = epsilon / 2;
        final int mode = (int) Math.floor(lambda);
        // Left side, written backwards into a growable buffer (index 0 = mode).
        double[] down = new double[64];
        int nDown = 1;
        down[0] = 1.0;
        double sum = 1.0;
        int k = mode; // lowest index computed so far
        double leftBound = 0.0;
        while (k > 0) {
            double wPrev = down[nDown - 1] * k / lambda; // weight of k-1
            double ratio = (k - 1) / lambda;            // < 1 since k-1 < λ
            double bound = wPrev / sum / (1 - ratio);
            if (bound <= half) {
                leftBound = bound;
                break;
            }
            if (nDown == down.length) {
                down = Arrays.copyOf(down, 2 * nDown);
            }
            down[nDown++] = wPrev;
            sum += wPrev;
            k--;
        }
        int left = k;
        // Right side, forwards (index 0 = mode + 1).
        double[] up = new double[64];
        int nUp = 0;
        double last = 1.0;
        int j = mode; // highest index computed so far
        double rightBound;
        while (true) {
            double wNext = last * lambda / (j + 1);
            double ratio = lambda / (j + 2); // < 1 since j+2 > λ+1
            double bound = wNext / sum / (1 - ratio);
            if (bound <= half) {
                rightBound = bound;
                break;
            }
            if (nUp == up.length) {
                up = Arrays.copyOf(up, 2 * Math.max(1, nUp));
            }
            up[nUp++] = wNext;
            sum += wNext;
            last = wNext;
            j++;
        }
        int right = j;
        double[] w = new double[right - left + 1];
        for (int i = 0; i < nDown; i++) {
            w[mode - left - i] = down[i];
        }
        System.arraycopy(up, 0, w, mode - left + 1, nUp);
        // Sum smallest first for an accurate normaliser.
        double total = 0;
        int lo = 0;
        int hi = w.length - 1;
        while (lo <= hi) {
            if (w[lo] <= w[hi]) {
                total += w[lo++];
            } else {
                total += w[hi--];
            }
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= total;
        }
        return new FoxGlynn(lambda, epsilon, left, right, w, leftBound + rightBound);
    }

    /** The Poisson mean λ. */
    public double lambda() {
        return lambda;
    }

    /** The requested bound ε on the truncated mass. */
    public double epsilon() {
        return epsilon;
    }

    /** Left truncation point (first k kept). */
    public int left() {
        return left;
    }

    /** Right truncation point (last k kept). */
    public int right() {
        return right;
    }

    /** Normalised weight of k, 0 outside [left, right]. */
    public double weight(int k) {
        return k < left || k > right ? 0.0 : weights[k - left];
    }

    /** A copy of the weights of left..right. */
    public double[] weights() {
        return weights.clone();
    }

    /** Proven upper bound on the Poisson mass outside [left, right]; at most ε. */
    public double truncatedMassBound() {
        return truncatedMassBound;
    }

    /**
     * {@code E[(N − k)^+]} for N ~ Poisson(λ), from the weights plus a bound of the right tail
     * ({@code Σ_{j>right} (j−k) p(j) <= λ·P(N >= right)} is added, so the value is an upper bound
     * up to the weights' relative error).
     */
    public double expectedExcessOver(int k) {
        double s = 0;
        for (int i = Math.max(k + 1, left); i <= right; i++) {
            s += (i - k) * weights[i - left];
        }
        return s + lambda * (truncatedMassBound + weight(right));
    }

    /**
     * {@code P(N > k)} from the weights; 1 for k below left, 0 at or above right.
     * Error at most {@code 2·truncatedMassBound()}.
     */
    public double tail(int k) {
        if (k < left) {
            return 1.0;
        }
        double s = 0;
        for (int i = Math.max(k + 1, left); i <= right; i++) {
            s += weights[i - left];
        }
        return s;
    }
}
