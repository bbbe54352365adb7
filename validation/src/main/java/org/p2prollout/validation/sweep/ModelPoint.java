package org.p2prollout.validation.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.p2prollout.model.pieces.PieceSubsets;
import org.p2prollout.protocol.selection.PiecePolicy;
import org.p2prollout.model.swarm.HeterogeneousModel;
import org.p2prollout.model.swarm.RolloutScenario;
import org.p2prollout.model.traffic.ContactTransfer;
import org.p2prollout.model.traffic.TrafficParameters;
import org.p2prollout.core.InvalidInputException;

/**
 * The model's parameters for one sweep point: what {@code rollout predict} takes as options
 * (the same names in camel case: {@code --server-rate} is {@code serverRate}), for one homogeneous
 * fleet. Times in seconds, rates per second, sizes in bytes.
 *
 * @param nodes             N, devices, &gt;= 1
 * @param rate              λ, encounter rate of a pair of devices, per second, &gt;= 0
 * @param rangeFactor       factor on λ for a radio range this many times the one λ was measured at
 *                          (at low density λ grows in proportion to the range), &gt; 0
 * @param serverRate        μ, rate at which a device lacking the update reaches the server, per second, &gt;= 0
 * @param initial           m, devices holding the update at release, in [0, N]
 * @param success           p, probability that a contact transfers (a piece set), in [0, 1]; NaN: 1, or
 *                          P(a contact lasts long enough for a piece) when bandwidth and contactDuration are given
 * @param pieces            K, pieces of the update, in [1, 16]
 * @param perContact        k, most pieces per direction per contact, &gt;= 1
 * @param serverPieces      most pieces the server hands out per visit, &gt;= 1
 * @param policy            piece selection
 * @param freeRiders        share of devices that receive but never upload, in [0, 1]
 * @param maxStates         largest exact chain; beyond it the mean-field ODE is used
 * @param updateBytes       B, bytes of the update, &gt; 0
 * @param bandwidth         bytes per second over a contact, &gt; 0, or NaN: no piece is ever cut
 * @param contactDuration   mean contact duration, seconds (exponential), &gt; 0, or NaN
 * @param manifestBytes     signed manifest, bytes, &gt;= 0
 * @param requestBytes      one piece request, bytes, &gt;= 0
 * @param announcementBytes one announcement, bytes, &gt;= 0
 * @param announcementRate  announcements per device per second, &gt;= 0
 * @param rejectedShare     rejected pieces per accepted peer piece, &gt;= 0
 */
public record ModelPoint(long nodes, double rate, double rangeFactor, double serverRate, long initial, double success,
                         int pieces, int perContact, int serverPieces, PiecePolicy policy, double freeRiders,
                         long maxStates, double updateBytes, double bandwidth, double contactDuration,
                         double manifestBytes, double requestBytes, double announcementBytes, double announcementRate,
                         double rejectedShare) implements Serializable {

    /** Every key of a model base or model axis, with what it allows (for messages), in documentation order. */
    public static final Map<String, String> KEYS;

    static {
        Map<String, String> k = new LinkedHashMap<>();
        k.put("nodes", "an integer >= 1 (required)");
        k.put("rate", "a number >= 0, per pair per second (required)");
        k.put("rangeFactor", "a number > 0 (default 1)");
        k.put("serverRate", "a number >= 0, per second (default 0)");
        k.put("initial", "an integer in [0, nodes] (default 1)");
        k.put("success", "a number in [0, 1] (default 1, or from bandwidth and contactDuration)");
        k.put("pieces", "an integer in [1, 16] (default 1)");
        k.put("perContact", "an integer >= 1 (default 1)");
        k.put("serverPieces", "an integer >= 1 (default 1)");
        k.put("policy", PiecePolicy.spellings(PieceSubsets.MODELLED) + " (default random)");
        k.put("freeRiders", "a number in [0, 1] (default 0)");
        k.put("maxStates", "an integer in [1, " + (Integer.MAX_VALUE - 8) + "] (default "
                + HeterogeneousModel.DEFAULT_MAX_STATES + ")");
        k.put("updateBytes", "a number > 0 (default 1000000)");
        k.put("bandwidth", "a number > 0, bytes per second (default: none)");
        k.put("contactDuration", "a number > 0, seconds (default: none)");
        k.put("manifestBytes", "a number >= 0 (default 1024)");
        k.put("requestBytes", "a number >= 0 (default 64)");
        k.put("announcementBytes", "a number >= 0 (default 256)");
        k.put("announcementRate", "a number >= 0, per device per second (default 0.1)");
        k.put("rejectedShare", "a number >= 0 (default 0)");
        KEYS = java.util.Collections.unmodifiableMap(k);
    }

    /** Valid parameters; every message names the key and what it allows. */
    public ModelPoint {
        require(nodes >= 1, "nodes", nodes);
        require(rate >= 0 && Double.isFinite(rate), "rate", rate);
        require(rangeFactor > 0 && Double.isFinite(rangeFactor), "rangeFactor", rangeFactor);
        require(serverRate >= 0 && Double.isFinite(serverRate), "serverRate", serverRate);
        if (initial < 0 || initial > nodes) {
            throw new InvalidInputException("initial must be an integer in [0, " + nodes + "] (nodes), got " + initial);
        }
        require(Double.isNaN(success) || (success >= 0 && success <= 1), "success", success);
        require(pieces >= 1 && pieces <= 16, "pieces", pieces);
        require(perContact >= 1, "perContact", perContact);
        require(serverPieces >= 1, "serverPieces", serverPieces);
        require(freeRiders >= 0 && freeRiders <= 1, "freeRiders", freeRiders);
        require(maxStates >= 1 && maxStates <= Integer.MAX_VALUE - 8, "maxStates", maxStates);
        require(updateBytes > 0 && Double.isFinite(updateBytes), "updateBytes", updateBytes);
        require(Double.isNaN(bandwidth) || (bandwidth > 0 && Double.isFinite(bandwidth)), "bandwidth", bandwidth);
        require(Double.isNaN(contactDuration) || (contactDuration > 0 && Double.isFinite(contactDuration)),
                "contactDuration", contactDuration);
        require(manifestBytes >= 0, "manifestBytes", manifestBytes);
        require(requestBytes >= 0, "requestBytes", requestBytes);
        require(announcementBytes >= 0, "announcementBytes", announcementBytes);
        require(announcementRate >= 0, "announcementRate", announcementRate);
        require(rejectedShare >= 0, "rejectedShare", rejectedShare);
        if (!Double.isNaN(bandwidth) && Double.isNaN(contactDuration)) {
            throw new InvalidInputException("bandwidth needs contactDuration (mean contact duration, seconds, > 0)");
        }
        PieceSubsets.modelled(policy);
    }

    private static void require(boolean ok, String key, Object got) {
        if (!ok) {
            throw new InvalidInputException(key + " must be " + KEYS.get(key) + ", got " + got);
        }
    }

    /** The contact law of traffic accounting, or null when no bandwidth is given. */
    public ContactTransfer contact() {
        return Double.isNaN(bandwidth) ? null : new ContactTransfer(contactDuration, bandwidth);
    }

    /** p as the model uses it: {@link #success} when given, else from the contact law, else 1. */
    public double effectiveSuccess() {
        if (!Double.isNaN(success)) {
            return success;
        }
        return contact() == null ? 1 : contact().successProbability(updateBytes / pieces);
    }

    /** The swarm model's scenario (λ already multiplied by {@link #rangeFactor}). */
    public RolloutScenario scenario() {
        return new RolloutScenario(nodes, rate * rangeFactor, null, null, freeRiders, serverRate, initial,
                effectiveSuccess(), pieces, perContact, policy, maxStates, serverPieces);
    }

    /** Byte sizes and rates of traffic accounting. */
    public TrafficParameters traffic() {
        return new TrafficParameters(updateBytes, pieces, perContact, manifestBytes, requestBytes, announcementBytes,
                announcementRate, contact(), rejectedShare);
    }

    /**
     * Reads a model base or a model base with one axis value set: a mapping of {@link #KEYS}.
     *
     * @throws InvalidInputException naming the key and what it allows (unknown keys list every key)
     */
    public static ModelPoint parse(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new InvalidInputException("model must be a mapping of model parameters (" + String.join(", ",
                    KEYS.keySet()) + ")");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.containsKey(key)) {
                throw new InvalidInputException("unknown model parameter '" + key + "' (allowed: "
                        + String.join(", ", KEYS.keySet()) + ")");
            }
        }
        for (String required : List.of("nodes", "rate")) {
            if (!node.has(required) || node.get(required).isNull()) {
                throw new InvalidInputException("model." + required + " is required: " + KEYS.get(required));
            }
        }
        return new ModelPoint(integer(node, "nodes", 0), number(node, "rate", 0), number(node, "rangeFactor", 1),
                number(node, "serverRate", 0), integer(node, "initial", 1), number(node, "success", Double.NaN),
                (int) integer(node, "pieces", 1), (int) integer(node, "perContact", 1),
                (int) integer(node, "serverPieces", 1), policy(node), number(node, "freeRiders", 0),
                integer(node, "maxStates", HeterogeneousModel.DEFAULT_MAX_STATES), number(node, "updateBytes", 1e6),
                number(node, "bandwidth", Double.NaN), number(node, "contactDuration", Double.NaN),
                number(node, "manifestBytes", 1024), number(node, "requestBytes", 64),
                number(node, "announcementBytes", 256), number(node, "announcementRate", 0.1),
                number(node, "rejectedShare", 0));
    }

    /**
     * The model of a simulator scenario, for predictions beside its simulation. Only a scenario whose
     * devices meet as Poisson pairs has its λ a priori: {@code mobility.model} must be
     * {@code contact-process} (λ = {@code mobility.encounterRate}); spatial mobility or a trace needs
     * its λ measured ({@code rollout rates} on a contact log, then a model base). The mapping follows
     * the validation suites' fits (docs/VALIDATION.md), with exponential contact durations of mean
     * {@code mobility.contactDurationSeconds} at the slowest bandwidth class instead of logged ones:
     * N = {@code fleet.devices}, m = {@code fleet.initialHolders}, μ = {@code server.rate},
     * free riders = {@code fleet.freeRiderShare}, K = {@code release.pieces}, the server hands out
     * every missing piece per visit; with {@code radio.instantaneous} p = 1 and k = K, otherwise
     * for piece time τ = piece bytes / bandwidth and q = e^{-τ/D}: K = 1: p = the class-pair average
     * of e^{-B/(b D)}; K &gt; 1: k = round(1 / (1 - q)) in [1, K] and p = (q + ... + q^K) / k.
     * Traffic sizes are the protocol's wire sizes (docs/PROTOCOL.md) and announcements go out twice
     * per contact, λ (N - 1) per device per second. The {@code client-server} baseline predicts with
     * p = 0 (no peers).
     *
     * @throws InvalidInputException when the scenario has no model (spatial mobility, a trace, the
     *                               bittorrent baseline, a policy the model lacks, more than 16 pieces)
     */
    public static ModelPoint fromScenario(org.p2prollout.validation.sim.scenario.Scenario sc) {
        var m = sc.mobility();
        if (m.model() != org.p2prollout.validation.sim.scenario.Scenario.MobilityModel.CONTACT_PROCESS) {
            throw new InvalidInputException("compute predict needs λ a priori: with a scenario base, mobility.model"
                    + " must be contact-process (λ = mobility.encounterRate), got "
                    + org.p2prollout.validation.sim.scenario.ScenarioReader.kebab(m.model())
                    + "; use compute: simulate, or a model base with the λ that 'rollout rates' measures");
        }
        var baseline = sc.baseline();
        if (baseline == org.p2prollout.validation.sim.scenario.Scenario.Baseline.BITTORRENT) {
            throw new InvalidInputException("compute predict has no model of the bittorrent baseline (allowed with"
                    + " predict: p2p, client-server)");
        }
        int k = sc.release().pieces();
        if (k > 16) {
            throw new InvalidInputException("compute predict: release.pieces must be in [1, 16] for the model, got " + k);
        }
        PiecePolicy policy = sc.protocol().policy();
        if (!PieceSubsets.MODELLED.contains(policy)) {
            throw new InvalidInputException("compute predict: protocol.policy must be one of "
                    + PiecePolicy.spellings(PieceSubsets.MODELLED) + " for the model, got " + policy.label());
        }
        double size = sc.release().sizeBytes();
        double duration = m.contactDurationSeconds();
        var classes = sc.fleet().bandwidthClasses();
        double slowest = classes.stream().mapToDouble(c -> c.bytesPerSecond()).min().orElseThrow();
        int perContact;
        double p;
        if (sc.radio().instantaneous()) {
            perContact = k;
            p = 1;
        } else if (!(duration > 0)) {
            perContact = 1;
            p = 0; // contacts of no duration carry nothing
        } else if (k == 1) {
            perContact = 1;
            double sum = 0;
            for (var c : classes) {
                for (var d : classes) {
                    sum += c.share() * d.share()
                            * Math.exp(-size / (Math.min(c.bytesPerSecond(), d.bytesPerSecond()) * duration));
                }
            }
            p = sum;
        } else {
            double q = Math.exp(-sc.release().pieceBytes(0) / slowest / duration);
            perContact = (int) Math.max(1, Math.min(k, Math.round(q < 1 ? 1 / (1 - q) : k)));
            double pieces = 0;
            for (int j = 1; j <= k; j++) {
                pieces += Math.pow(q, j);
            }
            p = Math.min(1, pieces / perContact);
        }
        if (baseline == org.p2prollout.validation.sim.scenario.Scenario.Baseline.CLIENT_SERVER) {
            p = 0;
        }
        int h = sc.radio().frameHeaderBytes();
        int name = sc.release().name().length();
        int n = sc.fleet().devices();
        boolean cuts = !sc.radio().instantaneous() && duration > 0;
        return new ModelPoint(n, m.encounterRate(), 1, sc.server().rate(), sc.fleet().initialHolders(), p, k,
                perContact, k, policy, sc.fleet().freeRiderShare(), HeterogeneousModel.DEFAULT_MAX_STATES, size,
                cuts ? slowest : Double.NaN, cuts ? duration : Double.NaN,
                (h + 6 + name) + (h + 115 + name + 32.0 * k), 2.0 * h + 72,
                h + 42 + name + (k + 7) / 8 + 4.0 * sc.protocol().recentPeers(), m.encounterRate() * (n - 1), 0);
    }

    private static double number(JsonNode node, String key, double otherwise) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return otherwise;
        }
        if (!v.isNumber()) {
            throw new InvalidInputException(key + " must be " + KEYS.get(key) + ", got '" + v.asText() + "'");
        }
        return v.asDouble();
    }

    private static long integer(JsonNode node, String key, long otherwise) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return otherwise;
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return checkInt(key, v.asLong());
        }
        if (v.isNumber() && v.asDouble() == Math.rint(v.asDouble()) && Math.abs(v.asDouble()) < 9e15) {
            return checkInt(key, (long) v.asDouble());
        }
        throw new InvalidInputException(key + " must be " + KEYS.get(key) + ", got '" + v.asText() + "'");
    }

    private static long checkInt(String key, long v) {
        if (!key.equals("nodes") && !key.equals("initial") && !key.equals("maxStates") && v != (int) v) {
            throw new InvalidInputException(key + " must be " + KEYS.get(key) + ", got " + v);
        }
        return v;
    }

    private static PiecePolicy policy(JsonNode node) {
        JsonNode v = node.get("policy");
        if (v == null || v.isNull()) {
            return PiecePolicy.RANDOM;
        }
        try {
            PiecePolicy p = PiecePolicy.parse("policy", v.asText());
            if (PieceSubsets.MODELLED.contains(p)) {
                return p;
            }
        } catch (InvalidInputException e) {
            // fall through: name the policies this model has, not every policy of the protocol
        }
        throw new InvalidInputException("policy must be " + KEYS.get("policy") + ", got '" + v.asText() + "'");
    }
}
