package org.p2prollout.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.p2prollout.model.pieces.PieceSubsets;
import org.p2prollout.protocol.selection.PiecePolicy;
import org.p2prollout.model.swarm.HeterogeneousModel;
import org.p2prollout.model.swarm.RatesFile;
import org.p2prollout.model.swarm.RolloutScenario;
import org.p2prollout.model.traffic.ContactTransfer;
import org.p2prollout.model.traffic.TrafficParameters;
import org.p2prollout.core.InvalidInputException;
import picocli.CommandLine.Option;

/** The closed-fleet scenario options of {@code predict} and {@code plan}, and the byte sizes of traffic accounting. */
final class ScenarioOptions {
    @Option(names = "--nodes", paramLabel = "N", description = "devices in the fleet (default: the devices of --rates)")
    Long nodes;

    @Option(names = "--rate", paramLabel = "LAMBDA", description = "encounter rate of a pair of devices, per second (0 or >= 1e-20)")
    Double rate;

    @Option(names = "--rates", paramLabel = "FILE", description = "summary.json (or its directory) from 'rollout rates':"
            + " meanRate, and classSizes/classRates when it has classes (then the heterogeneous model is used)")
    Path rates;

    @Option(names = "--homogeneous", description = "with --rates, ignore the classes and use meanRate")
    boolean homogeneous;

    @Option(names = "--server-rate", paramLabel = "MU", defaultValue = "0",
            description = "rate at which a device lacking the update reaches the server, per second, 0 or >= 1e-20 (default ${DEFAULT-VALUE})")
    double serverRate;

    @Option(names = "--initial", paramLabel = "M", defaultValue = "1",
            description = "devices holding the update at release (default ${DEFAULT-VALUE})")
    long initial;

    @Option(names = "--success", paramLabel = "P", description = "probability that a contact transfers (a piece set);"
            + " default 1, or P(contact lasts long enough for a piece) when --bandwidth is given")
    Double success;

    @Option(names = "--pieces", paramLabel = "K", defaultValue = "1", description = "pieces of the update (default ${DEFAULT-VALUE})")
    int pieces;

    @Option(names = "--per-contact", paramLabel = "k", defaultValue = "1",
            description = "most pieces per direction per contact (default ${DEFAULT-VALUE})")
    int perContact;

    @Option(names = "--server-pieces", paramLabel = "N", defaultValue = "1",
            description = "most pieces the server hands out per visit, with --pieces > 1 (default ${DEFAULT-VALUE};"
                    + " give --pieces to hand out all that are missing)")
    int serverPieces;

    @Option(names = "--policy", paramLabel = "POLICY", defaultValue = "random",
            description = "piece selection: random, rarest-first (or rarest) or sequential (default ${DEFAULT-VALUE})")
    String policy;

    @Option(names = "--free-riders", paramLabel = "SHARE", defaultValue = "0",
            description = "share of devices that receive but never upload, in [0, 1] (default ${DEFAULT-VALUE})")
    double freeRiders;

    @Option(names = "--max-states", paramLabel = "S", defaultValue = "" + HeterogeneousModel.DEFAULT_MAX_STATES,
            description = "largest exact chain; beyond it the mean-field ODE (a large-N approximation) is used"
                    + " (default ${DEFAULT-VALUE})")
    long maxStates;

    @Option(names = "--update-bytes", paramLabel = "B", defaultValue = "1000000",
            description = "size of the update, bytes (default ${DEFAULT-VALUE})")
    double updateBytes;

    @Option(names = "--bandwidth", paramLabel = "BYTES_PER_S",
            description = "bytes per second over a contact; with a contact duration, sets --success and the bytes lost when contacts end mid-piece")
    Double bandwidth;

    @Option(names = "--contact-duration", paramLabel = "SECONDS",
            description = "mean contact duration, seconds, exponential (default: meanContactDuration of --rates)")
    Double contactDuration;

    @Option(names = "--manifest-bytes", paramLabel = "BYTES", defaultValue = "1024", description = "manifest size, bytes (default ${DEFAULT-VALUE})")
    double manifestBytes;

    @Option(names = "--request-bytes", paramLabel = "BYTES", defaultValue = "64", description = "piece request size, bytes (default ${DEFAULT-VALUE})")
    double requestBytes;

    @Option(names = "--announcement-bytes", paramLabel = "BYTES", defaultValue = "256", description = "announcement size, bytes (default ${DEFAULT-VALUE})")
    double announcementBytes;

    @Option(names = "--announcement-rate", paramLabel = "PER_S", defaultValue = "0.1",
            description = "announcements per device per second (default ${DEFAULT-VALUE})")
    double announcementRate;

    @Option(names = "--rejected-share", paramLabel = "SHARE", defaultValue = "0",
            description = "rejected pieces per accepted peer piece (default ${DEFAULT-VALUE})")
    double rejectedShare;

    private RatesFile ratesFile;

    RatesFile ratesFile() throws IOException {
        if (ratesFile == null && rates != null) {
            ratesFile = RatesFile.read(rates);
        }
        return ratesFile;
    }

    ContactTransfer contact() throws IOException {
        if (bandwidth == null) {
            return null;
        }
        Double d = contactDuration;
        if (d == null && ratesFile() != null && !Double.isNaN(ratesFile().meanContactDuration())) {
            d = ratesFile().meanContactDuration();
        }
        if (d == null) {
            throw new InvalidInputException("--bandwidth needs a contact duration: --contact-duration SECONDS or a"
                    + " --rates file with meanContactDuration");
        }
        return new ContactTransfer(d, bandwidth);
    }

    TrafficParameters traffic() throws IOException {
        return new TrafficParameters(updateBytes, pieces, perContact, manifestBytes, requestBytes, announcementBytes,
                announcementRate, contact(), rejectedShare);
    }

    RolloutScenario scenario() throws IOException {
        if (rate != null && rates != null) {
            throw new InvalidInputException("give either --rate or --rates, not both");
        }
        if (rate == null && rates == null) {
            throw new InvalidInputException("--rate LAMBDA (per second) or --rates FILE is required");
        }
        double p;
        if (success != null) {
            p = success;
        } else if (bandwidth != null) {
            p = contact().successProbability(updateBytes / pieces);
        } else {
            p = 1;
        }
        PiecePolicy pol = PieceSubsets.modelled(PiecePolicy.parse("--policy", policy));
        if (rates == null) {
            if (nodes == null) {
                throw new InvalidInputException("--nodes N is required with --rate");
            }
            return new RolloutScenario(nodes, rate, null, null, freeRiders, serverRate, initial, p, pieces, perContact,
                    pol, maxStates, serverPieces);
        }
        RatesFile f = ratesFile();
        long n = nodes != null ? nodes : f.devices();
        if (f.hasClasses() && !homogeneous) {
            return new RolloutScenario(n, f.meanRate(), f.classSizesFor(n), f.classRates(), freeRiders, serverRate,
                    initial, p, pieces, perContact, pol, maxStates, serverPieces);
        }
        return new RolloutScenario(n, f.meanRate(), null, null, freeRiders, serverRate, initial, p, pieces, perContact,
                pol, maxStates, serverPieces);
    }
}
