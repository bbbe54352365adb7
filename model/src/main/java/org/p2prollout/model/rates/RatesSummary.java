package org.p2prollout.model.rates;

import java.util.List;
import java.util.Map;

/**
 * The summary of a rates run: printed by {@code rollout rates --json} and written as
 * {@code summary.json}, read back by {@code rollout predict --rates summary.json}. The first
 * twelve names are a contract; do not rename them. NaN values (nothing to estimate) are
 * written as {@code null}.
 *
 * @param devices             devices N (with usable fixes, or named in the contact list)
 * @param fixes               well-formed fixes read in the time window (0 for contact lists)
 * @param droppedFixes        fixes dropped as implausible (region, speed, duplicate time)
 * @param contacts            contacts found
 * @param pairsWithContact    pairs with at least one contact
 * @param pairsObserved       pairs observed together for a positive time
 * @param meanRate            homogeneous λ, per second per pair
 * @param classSizes          devices per class (classes by increasing total contact rate)
 * @param classRates          C×C pair rates between classes, per second
 * @param expFitShare         share of KS-tested pairs not rejected at the KS level (null: none tested)
 * @param meanContactDuration mean contact duration, seconds (null: no contact)
 * @param observedSeconds     length of the observation window, seconds
 * @param format              input format read
 * @param formatDetected      true when the format was detected from content
 * @param malformedLines      malformed lines skipped (--lenient)
 * @param meanRateLower       lower bound of λ's confidence interval, per second
 * @param meanRateUpper       upper bound, per second
 * @param confidence          confidence level of that interval
 * @param unweightedMeanRate  plain mean of per-pair rates over observed pairs, per second
 * @param pairsTested         pairs with enough inter-contact times for a KS test
 * @param interContactTimes   uncensored inter-contact times pooled over pairs
 * @param meanInterContact    their mean, seconds
 * @param contactDurationQuantiles empirical quantiles of contact duration, seconds
 * @param range               radio range r, metres
 * @param step                grid step Δ, seconds
 * @param maxGap              interpolation gap limit G, seconds
 * @param from                start of the observation window, seconds
 * @param to                  end of the observation window, seconds
 * @param droppedRegion       of droppedFixes: outside the plausible region
 * @param droppedSpeed        of droppedFixes: implying a speed above the limit
 * @param droppedDuplicate    of droppedFixes: repeating a device's fix time
 * @param timeUnit            unit the input's times were read in ({@code s}, {@code ms}, {@code us}); all
 *                            times here are seconds
 * @param deviceFilter        the device filter applied to a contact list ({@code --devices …},
 *                            {@code --experiment-only}), or null: none
 * @param devicesDropped      devices of the input dropped by that filter ({@code devices} counts the kept ones)
 * @param contactsDropped     contacts dropped because they involve a dropped device
 * @param warnings            sentences the user should read (e.g. seen-only devices dominate); empty when none
 */
public record RatesSummary(int devices, long fixes, long droppedFixes, long contacts, long pairsWithContact,
                           long pairsObserved, Double meanRate, int[] classSizes, double[][] classRates,
                           Double expFitShare, Double meanContactDuration, double observedSeconds,
                           String format, boolean formatDetected, long malformedLines,
                           Double meanRateLower, Double meanRateUpper, double confidence, Double unweightedMeanRate,
                           long pairsTested, long interContactTimes, Double meanInterContact,
                           Map<String, Double> contactDurationQuantiles,
                           double range, double step, double maxGap, double from, double to,
                           long droppedRegion, long droppedSpeed, long droppedDuplicate,
                           String timeUnit, String deviceFilter, int devicesDropped, long contactsDropped,
                           List<String> warnings) {
    public RatesSummary {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** NaN becomes null (JSON has no NaN). */
    static Double orNull(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
