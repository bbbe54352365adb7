package org.p2prollout.model.pairs;

/**
 * A fitted pairs model with the figures of its fit.
 *
 * @param model              the model
 * @param options            the fit's settings
 * @param communities        the communities of the contact graph
 * @param blockRates         per community pair (c, d), the pooled encounter rate of a pair of c and d while
 *                           co-present, per second (the prior mean of their pairs' rates)
 * @param contacts           contacts starting in the training windows
 * @param encounters         encounters (contacts merged within the merge gap)
 * @param pairsWithEncounter pairs with at least one encounter
 * @param pairsCoPresent     pairs co-present for a positive time in training
 * @param pooledRate         encounters / Σ activity-weighted co-present pair-seconds, per second
 * @param withinRate         the same over pairs of one community, per second (NaN when none co-present)
 * @param betweenRate        the same over pairs of different communities, per second (NaN when none)
 * @param trainingSeconds    total length of the training windows, seconds
 * @param medianPresence     median over devices seen in training of the share of training time present
 * @param days               the training days' observed presence, replayed by releases when
 *                           {@link PairsOptions#replayPresence()} (empty otherwise)
 * @param activityProfile    per slot, the measured activity factor (encounters per co-present second
 *                           against the day's mean, mean 1 over co-presence), applied to the model only when
 *                           {@link PairsOptions#activity()}
 */
public record PairsFit(PairsModel model, PairsOptions options, Communities communities, double[][] blockRates,
                       long contacts, long encounters, long pairsWithEncounter, long pairsCoPresent, double pooledRate,
                       double withinRate, double betweenRate, double trainingSeconds, double medianPresence,
                       java.util.List<PresenceDay> days, double[] activityProfile) {
    public PairsFit {
        activityProfile = activityProfile.clone();
        days = java.util.List.copyOf(days);
        double[][] c = new double[blockRates.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = blockRates[i].clone();
        }
        blockRates = c;
    }

    @Override
    public double[] activityProfile() {
        return activityProfile.clone();
    }

    @Override
    public double[][] blockRates() {
        double[][] c = new double[blockRates.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = blockRates[i].clone();
        }
        return c;
    }
}
