package org.p2prollout.validation.suite;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.p2prollout.model.swarm.RolloutModel;
import org.p2prollout.model.traffic.ContactTransfer;
import org.p2prollout.model.traffic.TrafficModel;
import org.p2prollout.model.traffic.TrafficParameters;
import org.p2prollout.model.traffic.TrafficPrediction;
import org.p2prollout.protocol.node.ProtocolConfig;
import org.p2prollout.protocol.wire.WireSizes;
import org.p2prollout.validation.sim.ReplicationResult;
import org.p2prollout.validation.sim.SimulationResult;
import org.p2prollout.validation.sim.engine.ReferenceDevices;
import org.p2prollout.validation.sim.scenario.Scenario;

/**
 * Predicted bytes per kind and overhead (PRODUCT.md §4.6, the model's {@link TrafficModel}) for a
 * fitted model, for the device implementation the scenario names. Every message size is the
 * protocol's own ({@link WireSizes}, docs/PROTOCOL.md) plus the frame header h: see
 * {@link MessageSizes}. Both sides announce at the start of every contact, so the announcement rate
 * per device is 2 x contacts / (N x observed seconds) from the contact logs, and announcements are
 * counted over the simulated duration (the simulator keeps announcing after T_1). Cut pieces
 * assume exponential contact durations with the logged mean.
 *
 * <p>The reference protocol sends two kinds the ideal one does not, both counted with the
 * announcements (as the simulator counts them): a hello per contact side when peers authenticate
 * (only against Sybil ids), and, when devices sign their install outcomes (installs can fail, or
 * peers authenticate), an install report per contact side once the device knows an outcome. The
 * report's outcome count is an approximation: a device is taken to know the outcome of every
 * device installed so far by the model's mean coverage curve (outcomes travel the same contacts as
 * the update), at most {@link ProtocolConfig#maxGossipOutcomes} per report.
 */
final class TrafficFit {
    /** Points of the coverage curve integrated for the install reports. */
    private static final int REPORT_GRID = 400;

    private TrafficFit() {
    }

    /**
     * Bytes on the air of each message kind for a scenario's release, frame header included
     * ({@link WireSizes} plus {@code radio.frameHeaderBytes}).
     *
     * @param manifestRequest  a manifest request
     * @param manifestResponse the signed manifest of the release (no dependencies)
     * @param pieceRequest     a piece request
     * @param pieceHeader      a piece frame's bytes besides the piece data
     * @param announcement     an announcement naming one installed release, no download in progress
     *                         and {@code protocol.recentPeers} met peers (what a device sends most of
     *                         the time; one sent during a download is an item and a bitfield longer)
     * @param hello            a hello (device certificate and signature)
     * @param reportFixed      an install report's bytes besides its outcomes (frame header, tag, count)
     * @param reportOutcome    bytes per outcome of an install report (device certificate, digest,
     *                         success, time, signature)
     */
    record MessageSizes(int manifestRequest, int manifestResponse, int pieceRequest, int pieceHeader,
                        int announcement, int hello, int reportFixed, int reportOutcome) {
        static MessageSizes of(Scenario sc) {
            int h = sc.radio().frameHeaderBytes();
            int k = sc.release().pieces();
            int name = sc.release().name().getBytes(StandardCharsets.UTF_8).length;
            int r = sc.protocol().recentPeers();
            return new MessageSizes(h + WireSizes.MANIFEST_REQUEST, h + WireSizes.manifestResponse(name, k),
                    h + WireSizes.PIECE_REQUEST, h + WireSizes.PIECE_OVERHEAD, h + WireSizes.announcement(1, 0, name, k, r),
                    h + WireSizes.HELLO, h + WireSizes.installReport(0), WireSizes.INSTALL_OUTCOME);
        }
    }

    /** Whether the scenario has hostile devices (by share or by id). */
    private static boolean anyHostile(Scenario sc) {
        return !sc.adversary().deviceIds().isEmpty()
                || Math.round(sc.adversary().share() * sc.fleet().devices()) > 0;
    }

    /** The fit with predicted bytes per kind (simulator keys) and overhead filled in. */
    static ModelFit withTraffic(ModelFit fit, SimulationResult sim, ContactLogRates rates) {
        Scenario sc = sim.scenario();
        MessageSizes sizes = MessageSizes.of(sc);
        boolean reference = sc.protocol().implementation() == Scenario.ProtocolImplementation.REFERENCE;
        boolean hellos = reference && ReferenceDevices.authenticatesPeers(sc, anyHostile(sc));
        boolean reports = reference && ReferenceDevices.signsOutcomes(sc, anyHostile(sc));
        int k = sc.release().pieces();
        int n = sc.fleet().devices();
        double seconds = sim.replications().stream().mapToDouble(ReplicationResult::stopSeconds).average().orElse(0);
        double announcementRate = rates.pairSeconds() > 0 && seconds > 0
                ? 2.0 * rates.contacts() / sim.replications().size() / n / seconds : 0;
        double slowest = sc.fleet().bandwidthClasses().stream().mapToDouble(Scenario.BandwidthClass::bytesPerSecond)
                .min().orElseThrow();
        ContactTransfer contact = sc.radio().instantaneous() || !(rates.meanDuration() > 0) ? null
                : new ContactTransfer(rates.meanDuration(), slowest);
        int perContact = sc.radio().instantaneous() ? k : (int) Math.max(1, Math.min(k,
                Math.round(MultiPieceFit.meanPiecesWhenAny(rates, sc.release().pieceBytes(0) / slowest))));
        // the ideal devices always name protocol.recentPeers met peers; a reference device names the
        // distinct peers it met so far, up to that many
        int r = sc.protocol().recentPeers();
        double metLast = reference ? meanMetLast(n, r, announcementRate, seconds) : r;
        double announcement = sizes.announcement() - WireSizes.MET_LAST_ENTRY * (r - metLast);
        // a contact side opens with a hello (when peers authenticate), then the announcement
        double perSide = announcement + (hellos ? sizes.hello() : 0);
        TrafficParameters parameters = new TrafficParameters(sc.release().sizeBytes(), k, perContact,
                sizes.manifestRequest() + sizes.manifestResponse(), sizes.pieceRequest() + sizes.pieceHeader(),
                perSide, announcementRate, contact, 0);
        RolloutModel model = fit.model();
        var prediction = model.predict(1.0);
        long initial = sc.fleet().initialHolders();
        double receivers = n - initial;
        double serverPieces = prediction.serverDownloads() * k;
        double peerPieces = Math.max(0, receivers * k - serverPieces);
        TrafficPrediction t = new TrafficModel(parameters).account(n, receivers, peerPieces, serverPieces, seconds);
        double reportBytes = reports ? reportBytes(model, sizes, n, initial, announcementRate, seconds,
                ProtocolConfig.defaults().maxGossipOutcomes()) : 0;
        Map<String, Double> bytes = new LinkedHashMap<>();
        bytes.put("peerPayload", t.peerPayload());
        bytes.put("serverPayload", t.serverPayload());
        bytes.put("partialLost", t.partialLost());
        bytes.put("rejected", t.rejected());
        bytes.put("announcements", t.announcements() + reportBytes);
        bytes.put("requests", t.requests());
        bytes.put("manifests", t.manifests());
        List<String> notes = new java.util.ArrayList<>(fit.notes());
        notes.add(String.format(java.util.Locale.ROOT, "traffic (%s protocol): announcements at %.3g per device per"
                + " second (two per logged contact) over the simulated %.0f s, %.1f bytes each%s%s; message sizes from"
                + " the wire layout (docs/PROTOCOL.md), per-piece request and frame headers counted as requests",
                sc.protocol().implementation().name().toLowerCase(java.util.Locale.ROOT), announcementRate, seconds,
                announcement, hellos ? String.format(java.util.Locale.ROOT, ", each after a %d-byte hello",
                        sizes.hello()) : "",
                reports ? String.format(java.util.Locale.ROOT, "; signed install reports %.0f bytes (approximation: a"
                        + " device knows every outcome so far by the mean coverage curve)", reportBytes) : ""));
        double total = t.total() + reportBytes;
        double overhead = t.clientServerBaseline() > 0 ? total / t.clientServerBaseline() : Double.NaN;
        return new ModelFit(fit.model(), fit.parameters(), notes, bytes, overhead);
    }

    /**
     * Mean number of met peers a reference device's announcements name over [0, seconds]: min(r,
     * distinct peers met), the distinct peers after c contacts with peers chosen uniformly among
     * the N - 1 others taken at their mean, (N - 1)(1 - (1 - 1/(N - 1))^c), and c = rate x t (an
     * approximation for a well-mixed fleet; the mean of the minimum is at most this). Trapezoid rule
     * on {@value #REPORT_GRID} intervals.
     */
    static double meanMetLast(int n, int r, double contactRate, double seconds) {
        if (n < 2 || r == 0 || !(seconds > 0) || !(contactRate > 0)) {
            return r;
        }
        double miss = 1 - 1.0 / (n - 1);
        double sum = 0;
        for (int i = 0; i <= REPORT_GRID; i++) {
            double c = contactRate * seconds * i / REPORT_GRID;
            double distinct = (n - 1) * (1 - Math.pow(miss, c));
            sum += (i == 0 || i == REPORT_GRID ? 0.5 : 1) * Math.min(r, distinct);
        }
        return sum / REPORT_GRID;
    }

    /**
     * Bytes of the install reports: each contact side (rate {@code announcementRate} per device)
     * carries one once the sender knows an outcome, of min(g, outcomes known) outcomes, where the
     * outcomes known at t are those of the devices installed by then, N c(t) - m (c the model's mean
     * coverage, m the initial holders, which report nothing). Trapezoid rule on a uniform grid of
     * {@value #REPORT_GRID} intervals over [0, seconds].
     */
    static double reportBytes(RolloutModel model, MessageSizes sizes, int n, long initial, double announcementRate,
                              double seconds, int maxOutcomes) {
        if (!(seconds > 0) || !(announcementRate > 0) || maxOutcomes == 0) {
            return 0;
        }
        double[] times = new double[REPORT_GRID + 1];
        for (int i = 0; i <= REPORT_GRID; i++) {
            times[i] = seconds * i / REPORT_GRID;
        }
        double[] coverage = model.coverageCurve(times).fraction();
        double integral = 0;
        for (int i = 0; i <= REPORT_GRID; i++) {
            double known = Math.min(maxOutcomes, Math.max(0, n * coverage[i] - initial));
            // a device sends a report once it knows one outcome: weight the fixed part by min(known, 1)
            double bytes = Math.min(1, known) * sizes.reportFixed() + known * sizes.reportOutcome();
            integral += (i == 0 || i == REPORT_GRID ? 0.5 : 1) * bytes;
        }
        return n * announcementRate * integral * seconds / REPORT_GRID;
    }
}
