package org.p2prollout.validation.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.p2prollout.core.ProgressListener;
import org.p2prollout.validation.sim.scenario.Scenario;
import org.p2prollout.validation.sim.scenario.Scenario.AdversaryBehaviour;
import org.p2prollout.validation.sim.scenario.Scenario.MobilityModel;
import org.p2prollout.validation.sim.scenario.Scenario.ProtocolImplementation;

/**
 * The simulator's attack table (docs/PROTOCOL.md, issue 13): one fleet under each protocol
 * attack in turn, against the same fleet without attackers. Reference protocol; 40 devices
 * meeting as Poisson processes (rate 2e-4 per pair per second, contacts of 60 s mean), 2 initial
 * holders, a 4-piece release of 8,000 bytes at 1,000 B/s, 10 % of the devices hostile, install
 * failure probability 0.001 (so devices sign and gossip outcomes), server at rate 1e-5 per
 * device.
 *
 * <p>Per attack: tampered installs (honest devices ending on a version that is neither their
 * old one nor the genuine release), genuine refusals (honest devices refusing a release on
 * gossip), honest devices without the release at the horizon, and the rollout-time cost: mean
 * T_0.9 of the honest devices under attack minus mean T_0.9 without attackers (same seeds; the
 * attack-free fleet counts all 40 devices, so the cost also holds the loss of the 4 hostile
 * devices as relays).
 */
public final class AdversaryScenarios {
    /** One row of the table. */
    public record Row(String attack, int replications, long tamperedInstalls, long genuineRefusals,
                      long honestNotInstalled, double meanT90, double baselineMeanT90, Map<String, Long> rejected) {
        public Row {
            rejected = Map.copyOf(rejected);
        }

        /** Rollout-time cost of the attack, seconds of mean T_0.9. */
        public double costSeconds() {
            return meanT90 - baselineMeanT90;
        }
    }

    /** The attacks the table covers, in its order. */
    public static final List<AdversaryBehaviour> ATTACKS = List.of(AdversaryBehaviour.FORGED_REPORTS,
            AdversaryBehaviour.STALE_RELEASE, AdversaryBehaviour.WITHHOLDING, AdversaryBehaviour.CLAIMING_NOT_SERVING,
            AdversaryBehaviour.SYBIL, AdversaryBehaviour.TAMPERED_PIECES, AdversaryBehaviour.FORGED_MANIFEST);

    private AdversaryScenarios() {
    }

    /** The fleet of the table; {@code behaviour} null: no attackers. */
    public static Scenario scenario(AdversaryBehaviour behaviour) {
        var b = Scenario.builder().devices(40).initialHolders(2).mobility(MobilityModel.CONTACT_PROCESS)
                .encounterRate(2e-4).contactDurationSeconds(60).durationSeconds(200_000).pieces(4).sizeBytes(8_000)
                .bandwidth(1_000).frameHeaderBytes(16).installFailureProbability(0.001).serverRate(1e-5)
                .implementation(ProtocolImplementation.REFERENCE);
        if (behaviour != null) {
            b.adversaryShare(0.1).adversaryBehaviours(List.of(behaviour));
        }
        return b.build();
    }

    /** Runs every attack and the attack-free fleet, {@code replications} times each from {@code seed}. */
    public static List<Row> run(int replications, long seed) {
        double baseline = meanT90(Simulator.run(scenario(null), seed, replications, ProgressListener.NONE));
        List<Row> rows = new ArrayList<>();
        for (AdversaryBehaviour a : ATTACKS) {
            SimulationResult r = Simulator.run(scenario(a), seed, replications, ProgressListener.NONE);
            long tampered = 0;
            long refused = 0;
            long missing = 0;
            Map<String, Long> rejected = new TreeMap<>();
            for (ReplicationResult rep : r.replications()) {
                tampered += rep.tamperedInstalls();
                refused += rep.rejected().getOrDefault("refused-version", 0L);
                missing += rep.coverageFleet() - rep.installTimes().length;
                rep.rejected().forEach((k, v) -> {
                    if (v > 0) {
                        rejected.merge(k, v, Long::sum);
                    }
                });
            }
            rows.add(new Row(a.name().toLowerCase(Locale.ROOT).replace('_', '-'), replications, tampered, refused,
                    missing, meanT90(r), baseline, rejected));
        }
        return rows;
    }

    private static double meanT90(SimulationResult r) {
        return r.replications().stream().mapToDouble(ReplicationResult::t90).average().orElse(Double.NaN);
    }

    /** The rows as the Markdown table of docs/PROTOCOL.md. */
    public static String markdown(List<Row> rows) {
        StringBuilder sb = new StringBuilder("| attack | tampered installs | genuine refusals | honest devices without"
                + " the release | mean T_0.9 (s) | cost vs no attack (s) | rejections |\n|---|---|---|---|---|---|---|\n");
        if (!rows.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "| none (40 honest devices) | | | | %.0f | | |%n",
                    rows.get(0).baselineMeanT90()));
        }
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.0f | %+.0f (%+.0f %%) | %s |%n", r.attack(),
                    r.tamperedInstalls(), r.genuineRefusals(), r.honestNotInstalled(), r.meanT90(), r.costSeconds(),
                    100 * r.costSeconds() / r.baselineMeanT90(), r.rejected()));
        }
        return sb.toString();
    }
}
