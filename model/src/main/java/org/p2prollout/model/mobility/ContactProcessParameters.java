package org.p2prollout.model.mobility;

import org.p2prollout.core.Checks;
import org.p2prollout.core.InvalidInputException;

/**
 * Contact-process mobility: no positions; each pair of devices meets as a Poisson process of
 * rate {@code rate}, and each contact lasts a fixed or exponential time of mean
 * {@code meanDuration}. A meeting that falls while the pair is already in contact is dropped
 * (contacts of a pair never overlap), so by memorylessness a pair's inter-contact time (end of
 * one contact to start of the next) is exactly exponential of rate {@code rate}, and its
 * long-run number of contacts per second is {@code 1 / (1/rate + meanDuration)}; with duration 0
 * the pair's contacts are exactly a Poisson process of rate {@code rate}. This is the mobility
 * under which the epidemic Markov chain is exact.
 *
 * @param devices      number of devices, {@code >= 2}
 * @param rate         meetings per pair per second, {@code > 0}
 * @param durations    law of contact durations
 * @param meanDuration seconds, {@code >= 0}; {@code > 0} for {@link Durations#EXPONENTIAL}
 */
public record ContactProcessParameters(int devices, double rate, Durations durations, double meanDuration)
        implements java.io.Serializable {

    /** Law of a contact's duration. */
    public enum Durations {
        /** Every contact lasts exactly {@code meanDuration} (0: instantaneous contacts). */
        FIXED,
        /** Exponential with mean {@code meanDuration}. */
        EXPONENTIAL
    }

    public ContactProcessParameters {
        Checks.inRange("devices", devices, 2, 3_000_000);
        Checks.positive("rate", rate);
        if (durations == null) {
            throw new InvalidInputException("durations must be FIXED or EXPONENTIAL");
        }
        Checks.nonNegative("meanDuration", meanDuration);
        if (durations == Durations.EXPONENTIAL && meanDuration == 0) {
            throw new InvalidInputException("meanDuration must be > 0 for exponential durations, got 0");
        }
    }

    /** Instantaneous contacts at rate {@code rate} per pair: the epidemic model's mobility. */
    public static ContactProcessParameters instantaneous(int devices, double rate) {
        return new ContactProcessParameters(devices, rate, Durations.FIXED, 0);
    }

    /** Number of device pairs, {@code devices * (devices - 1) / 2}. */
    public long pairs() {
        return (long) devices * (devices - 1) / 2;
    }

    /** The process with its own random streams derived from {@code seed}. */
    public ContactProcess create(long seed) {
        return new ContactProcess(this, seed);
    }
}
