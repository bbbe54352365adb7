package org.p2prollout.model.pairs;

import org.p2prollout.core.Checks;
import org.p2prollout.core.InvalidInputException;

/**
 * Settings of the pairs model's fit ({@link PairsFitter}).
 *
 * @param slots           time slots of the cycle: 24 (hour of day) or 168 (hour of week) (24)
 * @param mergeGap        contacts of a pair less than this apart, seconds, are one encounter (600; 0 counts
 *                        every contact): missed Bluetooth scans (every 120 s on iMotes) and radio flicker
 *                        split one meeting into many contacts, which are not many chances to pass the
 *                        update; longer meetings are covered by the contact share (a contact in progress
 *                        passes the update at once), so the gap need not span them
 * @param presencePrior   pseudo-seconds of the fleet's switching rate in the slot added to each device's
 *                        estimate for that slot, {@code >= 0} (3,600): a device rarely seen in a slot
 *                        borrows the fleet's behaviour at that hour
 * @param activityPrior   pseudo-encounters pulling each slot's activity factor towards 1, {@code >= 0} (2)
 * @param graphPrior      pseudo-seconds of co-presence added to each pair's exposure in the community
 *                        graph's weights {@code n_ij / (E_ij + graphPrior)}, {@code >= 0} (3,600): pairs
 *                        co-present briefly count less
 * @param seed            seed of the community search
 * @param independentPresence true (default): a pair's exposure is the co-presence that independently
 *                        present devices would have, {@code Σ_s W(s) a_i(s) a_j(s)}, as the simulation
 *                        draws them, so that every pair keeps its encounters per hour; false: the
 *                        co-present pair-seconds observed (devices that come and go together then lose
 *                        most of their encounters in the simulation); used with the presence chains only
 * @param replayPresence  true (default): a release replays the presence of every device on a training day
 *                        drawn at random (and of the training day after it for the follow-up), so devices
 *                        that come and go together still do; rates are then per observed co-present
 *                        second. false: each device's hourly two-state chain, independent of the others
 *                        (needed for hours no training day covers). On the Cambridge Bluetooth trace (six
 *                        held-out weekdays, with arrivals) the mean error of mean T_0.5 / T_0.9 was +20 % /
 *                        +10 % replayed and +33 % / +15 % with the chains
 * @param arrivals        true (default): an encounter that opens a device's session (in a contact list,
 *                        presence begins with a contact) is not counted as a Poisson event within
 *                        co-presence but as the chance α_ij that i appears in contact with present j;
 *                        the model then passes the update on appearance with that chance
 * @param activity        false (default): the hour-of-day activity profile is measured and reported but
 *                        not applied, rates being per co-present second of any hour; true: every rate is
 *                        scaled by its hour's factor. On the Cambridge Bluetooth trace (six held-out
 *                        weekdays, presence replayed, arrivals) applying it made mean T_0.5 / T_0.9 +20 % /
 *                        +10 % off against +7 % / +8 % without (in sample +16 % / +10 % against +4 % /
 *                        +8 %): one factor per hour for all pairs moves encounters between pairs whose
 *                        meetings fall in different hours; with presence replayed, who is there when already
 *                        carries the hour
 */
public record PairsOptions(int slots, double mergeGap, double presencePrior, double activityPrior, double graphPrior,
                           long seed, boolean independentPresence, boolean replayPresence, boolean arrivals,
                           boolean activity) {
    /** 24 hourly slots, contacts merged within 10 min, the priors above, seed 1, presence replayed, arrivals, no activity factors applied. */
    public static final PairsOptions DEFAULT = new PairsOptions(24, 600, 3600, 2, 3600, 1, true, true, true, false);

    public PairsOptions {
        if (slots != 24 && slots != 168) {
            throw new InvalidInputException("pairs model slots must be 24 (hour of day) or 168 (hour of week), got " + slots);
        }
        Checks.nonNegative("merge gap (s)", mergeGap);
        Checks.nonNegative("presence prior (s)", presencePrior);
        Checks.nonNegative("activity prior (encounters)", activityPrior);
        Checks.nonNegative("graph prior (s)", graphPrior);
    }

    public PairsOptions withMergeGap(double g) {
        return new PairsOptions(slots, g, presencePrior, activityPrior, graphPrior, seed, independentPresence, replayPresence, arrivals, activity);
    }

    public PairsOptions withSlots(int s) {
        return new PairsOptions(s, mergeGap, presencePrior, activityPrior, graphPrior, seed, independentPresence, replayPresence, arrivals, activity);
    }

    public PairsOptions withIndependentPresence(boolean b) {
        return new PairsOptions(slots, mergeGap, presencePrior, activityPrior, graphPrior, seed, b, replayPresence, arrivals, activity);
    }

    public PairsOptions withReplayPresence(boolean b) {
        return new PairsOptions(slots, mergeGap, presencePrior, activityPrior, graphPrior, seed, independentPresence, b, arrivals, activity);
    }

    public PairsOptions withArrivals(boolean b) {
        return new PairsOptions(slots, mergeGap, presencePrior, activityPrior, graphPrior, seed, independentPresence,
                replayPresence, b, activity);
    }

    public PairsOptions withActivity(boolean b) {
        return new PairsOptions(slots, mergeGap, presencePrior, activityPrior, graphPrior, seed, independentPresence,
                replayPresence, arrivals, b);
    }

    public PairsOptions withSeed(long s) {
        return new PairsOptions(slots, mergeGap, presencePrior, activityPrior, graphPrior, s, independentPresence, replayPresence, arrivals, activity);
    }
}
