package org.p2prollout.protocol.selection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.p2prollout.core.InvalidInputException;

/**
 * Which piece to request next from a peer: the one piece-policy type of the project. The protocol
 * nodes, the simulator's scenarios and both device implementations, the multi-piece models and
 * the command line all use this enum; each spells a policy by {@link #label()} (kebab case) and
 * reads it with {@link #parse}, which also takes the short forms {@code rarest} and
 * {@code priority}.
 *
 * <p>Each policy ranks every requestable (release, piece) pair by a key and picks the smallest;
 * ties are broken uniformly at random with the injected generator, so a policy never favours
 * low indices unless it says so.
 */
public enum PiecePolicy {
    /** Uniformly random among requestable pieces of all releases. */
    RANDOM(false, false),
    /** Fewest holders among the peers this device has heard from (their last announcements). */
    RAREST_FIRST(true, false, "rarest"),
    /** Dependencies first, then releases in the order their downloads started, lowest index first. */
    SEQUENTIAL(false, false),
    /**
     * Every piece of a dependency before any piece of what needs it; random within a release. A
     * release whose missing dependency is not yet being downloaded waits (no pieces requested)
     * until it is.
     */
    DEPENDENCY_FIRST(false, false),
    /** Highest manifest priority first; rarest first within the same priority. */
    PRIORITY_AWARE(true, false, "priority"),
    /**
     * Pieces that the most of the peers this device is likely to meet next still lack (peers
     * named in the met-last lists it heard, whose announcements it remembers), so that it can
     * trade them on; rarest first among equals.
     */
    ENCOUNTER_AWARE(true, true);

    private final boolean needsAvailability;
    private final boolean needsLackNearby;
    private final String shortName;

    PiecePolicy(boolean needsAvailability, boolean needsLackNearby) {
        this(needsAvailability, needsLackNearby, null);
    }

    PiecePolicy(boolean needsAvailability, boolean needsLackNearby, String shortName) {
        this.needsAvailability = needsAvailability;
        this.needsLackNearby = needsLackNearby;
        this.shortName = shortName;
    }

    /** The policy's name in files and on the command line: lower case with hyphens ({@code rarest-first}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The policy spelled {@code text}: its {@link #label()} ({@code rarest-first}), its short form
     * where it has one ({@code rarest}, {@code priority}) or its constant name
     * ({@code RAREST_FIRST}); case and surrounding blanks are ignored.
     *
     * @param parameter what is being read, for the message ({@code protocol.policy}, {@code --policy})
     * @throws InvalidInputException naming {@code parameter} and every accepted spelling
     */
    public static PiecePolicy parse(String parameter, String text) {
        String norm = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (PiecePolicy p : values()) {
            if (p.label().equals(norm) || norm.equals(p.shortName)) {
                return p;
            }
        }
        throw new InvalidInputException(parameter + " must be one of " + spellings(List.of(values()))
                + ", got '" + text + "'");
    }

    /** The labels of {@code policies} with their short forms, for messages: {@code random, rarest-first (rarest), ...}. */
    public static String spellings(List<PiecePolicy> policies) {
        List<String> out = new ArrayList<>();
        for (PiecePolicy p : policies) {
            out.add(p.shortName == null ? p.label() : p.label() + " (" + p.shortName + ")");
        }
        return String.join(", ", out);
    }

    /** Whether a release waits until each missing dependency is at least being downloaded. */
    public boolean waitsForDependencies() {
        return this == DEPENDENCY_FIRST;
    }

    /** Whether {@link Candidate#availability()} must be filled in for this policy. */
    public boolean needsAvailability() {
        return needsAvailability;
    }

    /** Whether {@link Candidate#lackNearby()} must be filled in for this policy. */
    public boolean needsLackNearby() {
        return needsLackNearby;
    }

    /**
     * The next piece to request among {@code candidates}, or null when none is requestable. The
     * chosen bit is cleared from its candidate's {@code requestable} set, so repeated calls
     * choose distinct pieces.
     */
    public PieceChoice choose(List<Candidate> candidates, RandomGenerator random) {
        long[] best = null;
        Candidate bestCandidate = null;
        int bestIndex = -1;
        int ties = 0;
        long[] key = new long[3];
        for (Candidate c : candidates) {
            for (int i = c.requestable().nextSetBit(0); i >= 0; i = c.requestable().nextSetBit(i + 1)) {
                key(c, i, key);
                int cmp = best == null ? -1 : compare(key, best);
                if (cmp < 0) {
                    best = key.clone();
                    bestCandidate = c;
                    bestIndex = i;
                    ties = 1;
                } else if (cmp == 0) {
                    // reservoir sampling: each of the tied pairs ends up chosen with probability 1/ties
                    ties++;
                    if (random.nextInt(ties) == 0) {
                        bestCandidate = c;
                        bestIndex = i;
                    }
                }
            }
        }
        if (bestCandidate == null) {
            return null;
        }
        bestCandidate.requestable().clear(bestIndex);
        return new PieceChoice(bestCandidate.release(), bestIndex);
    }

    private void key(Candidate c, int i, long[] k) {
        k[0] = 0;
        k[1] = 0;
        k[2] = 0;
        switch (this) {
            case RANDOM -> {
            }
            case RAREST_FIRST -> k[0] = c.availability()[i];
            case SEQUENTIAL -> {
                k[0] = c.dependencyRank();
                k[1] = c.startOrder();
                k[2] = i;
            }
            case DEPENDENCY_FIRST -> k[0] = c.dependencyRank();
            case PRIORITY_AWARE -> {
                k[0] = -(long) c.priority();
                k[1] = c.availability()[i];
            }
            case ENCOUNTER_AWARE -> {
                k[0] = -(long) c.lackNearby()[i];
                k[1] = c.availability()[i];
            }
            default -> throw new IllegalStateException("unknown policy " + this);
        }
    }

    private static int compare(long[] a, long[] b) {
        for (int j = 0; j < a.length; j++) {
            int c = Long.compare(a[j], b[j]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
