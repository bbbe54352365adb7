package org.p2prollout.model.traffic;

import org.p2prollout.core.Checks;

/**
 * What a contact can carry when contact durations are exponential with a given mean (e.g.
 * {@code meanContactDuration} from {@code rollout rates}) and pieces go back to back at a given
 * bandwidth. With rho = 1 / (mean duration x bandwidth) per byte, the bytes a contact could carry
 * are X ~ Exp(rho); a piece of s bytes completes when X reaches its end.
 *
 * @param meanContactDuration seconds (&gt; 0)
 * @param bandwidth           bytes per second over a contact (&gt; 0)
 */
public record ContactTransfer(double meanContactDuration, double bandwidth) {
    public ContactTransfer {
        Checks.positive("mean contact duration (s)", meanContactDuration);
        Checks.positive("bandwidth (bytes/s)", bandwidth);
    }

    private double rho() {
        return 1 / (meanContactDuration * bandwidth);
    }

    /** P(a contact carries at least {@code bytes}): e^{-rho bytes}; the p of a single-piece update. */
    public double successProbability(double bytes) {
        Checks.nonNegative("bytes", bytes);
        return Math.exp(-rho() * bytes);
    }

    /** E[complete pieces] when up to {@code wanted} pieces of {@code pieceBytes} are sent back to back. */
    public double expectedCompletePieces(double pieceBytes, int wanted) {
        double q = Math.exp(-rho() * pieceBytes);
        return q * (1 - Math.pow(q, wanted)) / (1 - q);
    }

    /**
     * E[bytes of a piece cut mid-way] when up to {@code wanted} pieces are sent back to back:
     * sum_{j &lt; wanted} e^{-rho j s} E[Y; Y &lt; s] with Y ~ Exp(rho), E[Y; Y &lt; s] = 1/rho - e^{-rho s}(s + 1/rho).
     */
    public double expectedLostBytes(double pieceBytes, int wanted) {
        double r = rho();
        double q = Math.exp(-r * pieceBytes);
        double partial = 1 / r - q * (pieceBytes + 1 / r);
        return (1 - Math.pow(q, wanted)) / (1 - q) * partial;
    }

    /** P(a piece is started but not finished) when up to {@code wanted} pieces are sent: 1 - e^{-rho wanted s}. */
    public double cutProbability(double pieceBytes, int wanted) {
        return -Math.expm1(-rho() * pieceBytes * wanted);
    }
}
