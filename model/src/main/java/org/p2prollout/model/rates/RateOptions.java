package org.p2prollout.model.rates;

import org.p2prollout.core.Checks;

/**
 * Options of rate estimation.
 *
 * @param classes          number C of device classes by total contact rate, {@code >= 1}
 * @param minInterContacts inter-contact times a pair needs for its KS test, {@code >= 2} (20)
 * @param ksLevel          significance level of the per-pair KS tests, in (0, 1) (0.05)
 * @param confidence       confidence level of the homogeneous rate's interval, in (0, 1) (0.95)
 */
public record RateOptions(int classes, int minInterContacts, double ksLevel, double confidence) {
    /** 3 classes, 20 inter-contact times per KS test, 5 % level, 95 % confidence. */
    public static final RateOptions DEFAULT = new RateOptions(3, 20, 0.05, 0.95);

    public RateOptions {
        Checks.inRange("classes", classes, 1, 1000);
        Checks.inRange("minInterContacts", minInterContacts, 2, Integer.MAX_VALUE);
        if (!(ksLevel > 0 && ksLevel < 1)) {
            throw new org.p2prollout.core.InvalidInputException("ksLevel must be in (0, 1), got " + ksLevel);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new org.p2prollout.core.InvalidInputException("confidence must be in (0, 1), got " + confidence);
        }
    }

    public RateOptions withClasses(int c) {
        return new RateOptions(c, minInterContacts, ksLevel, confidence);
    }
}
