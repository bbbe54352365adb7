package org.p2prollout.model.rates;

import java.util.List;
import java.util.Map;

/**
 * Encounter rates estimated from contacts and observation times (see
 * {@link EncounterRateEstimator}). Rates are per second; durations and times in seconds.
 *
 * @param devices            number of devices N
 * @param contacts           number of contacts
 * @param pairsWithContact   pairs with at least one contact
 * @param pairsObserved      pairs observed together for a positive time (the pairs averaged over)
 * @param pairObservedSeconds sum over observed pairs of the time both were observed
 * @param homogeneous        the homogeneous rate λ with its confidence interval
 * @param pairs              per-pair rates of the pairs with at least one contact, sorted by (a, b);
 *                           observed pairs without contact have rate 0 and are not listed
 * @param classes            the C classes by total contact rate and their C×C rate matrix
 * @param fit                how well exponential inter-contact times fit (KS tests per pair)
 * @param interContact       the pooled inter-contact times (censored gaps excluded) and their CCDF
 * @param durations          the contact duration distribution
 */
public record EncounterRates(int devices, long contacts, long pairsWithContact, long pairsObserved,
                             double pairObservedSeconds, Homogeneous homogeneous, List<PairRate> pairs,
                             Classes classes, ExpFit fit, InterContact interContact, Durations durations) {
    public EncounterRates {
        pairs = List.copyOf(pairs);
    }

    /**
     * The homogeneous rate: the maximum-likelihood λ when every pair meets as a Poisson process of
     * one rate, {@code contacts / Σ pair observed time} — the mean of the per-pair rates λ_ij over
     * observed pairs weighted by each pair's observed time (equal weights when all pairs were
     * observed equally long, e.g. a contact list or a simulation). The interval is the exact
     * (Garwood) Poisson interval of the contact count divided by the pair time.
     *
     * @param rate           λ, per second per pair
     * @param lower          lower confidence bound, per second
     * @param upper          upper confidence bound, per second
     * @param confidence     confidence level of [lower, upper]
     * @param unweightedMean plain mean of λ_ij over observed pairs (noisy when some pairs were
     *                       observed together only briefly)
     */
    public record Homogeneous(double rate, double lower, double upper, double confidence, double unweightedMean) {
    }

    /**
     * One pair's contacts.
     *
     * @param a               smaller device index
     * @param b               larger device index
     * @param contacts        contacts of the pair
     * @param observedSeconds time both were observed, seconds
     * @param rate            λ_ab = contacts / observedSeconds, per second
     * @param interContacts   inter-contact times of the pair (uncensored)
     * @param meanInterContact mean of those, seconds (NaN when none)
     * @param ksPValue        KS p-value against the exponential of the same mean, NaN when the
     *                        pair has too few inter-contact times to be tested
     */
    public record PairRate(int a, int b, int contacts, double observedSeconds, double rate,
                           int interContacts, double meanInterContact, double ksPValue) {
    }

    /**
     * Devices grouped into C classes of near-equal size by total contact rate
     * {@code r_i = Σ_j λ_ij} (class 0 the least social).
     *
     * @param sizes       devices per class
     * @param rates       {@code rates[c][d]}: rate at which a given device of class c meets a given
     *                    device of class d, per second (pooled over the class pairs' observed
     *                    time; symmetric; 0 when no such pair was observed)
     * @param deviceClass class of each device
     * @param deviceRates total contact rate r_i of each device, per second
     */
    public record Classes(int[] sizes, double[][] rates, int[] deviceClass, double[] deviceRates) {
    }

    /**
     * Kolmogorov–Smirnov tests of each pair's inter-contact times against the exponential with
     * the pair's mean (statistic from Commons Math's {@code KolmogorovSmirnovTest}; p-value
     * asymptotic with Stephens' correction, or Commons Math's exact one near the decision — within
     * 0.02, same decisions). The mean is estimated from the same data, which makes the test
     * conservative (Lilliefors); grid resampling quantises times to multiples of Δ, which makes
     * large samples reject more easily.
     *
     * @param pairsTested      pairs with at least {@code minInterContacts} inter-contact times
     * @param pairsNotRejected tested pairs with p-value {@code >= level}
     * @param share            pairsNotRejected / pairsTested, NaN when no pair was tested
     * @param level            significance level
     * @param minInterContacts inter-contact times a pair needed to be tested
     */
    public record ExpFit(long pairsTested, long pairsNotRejected, double share, double level, int minInterContacts) {
    }

    /**
     * Inter-contact times pooled over pairs: gaps between consecutive contacts of a pair during
     * which both devices were observed throughout (the censored first and last gaps, and gaps
     * with an observation break, are excluded).
     *
     * @param count       number of inter-contact times
     * @param mean        their mean, seconds (NaN when none)
     * @param ccdfSeconds abscissae of the CCDF, seconds, increasing (at most about 2000 points)
     * @param ccdf        P(T > ccdfSeconds[k])
     */
    public record InterContact(long count, double mean, double[] ccdfSeconds, double[] ccdf) {
    }

    /**
     * Contact durations (end − start), seconds.
     *
     * @param count     number of contacts
     * @param mean      mean duration, NaN when none
     * @param max       longest, NaN when none
     * @param quantiles empirical quantiles (inverse of the empirical CDF) by probability
     *                  ("0.05", "0.25", "0.5", "0.75", "0.95")
     */
    public record Durations(long count, double mean, double max, Map<String, Double> quantiles) {
    }
}
