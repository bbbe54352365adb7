package org.p2prollout.validation.sim;

import java.util.List;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Locale;
import org.p2prollout.model.contact.Contact;
import org.p2prollout.core.AtomicFile;

/**
 * Writes a simulation's tables, each atomically: {@code replications.csv} (one row per
 * replication: T_q in seconds, empty when not reached; offload; overhead; bytes per kind;
 * rejected per kind; tampered installs; contacts; mean energy per device in joules),
 * {@code coverage.csv} (time in seconds, mean coverage over replications with its 95 % band, 201
 * points from 0 to the horizon), {@code energy.csv} (radio energy per device in joules, mean over
 * replications) and {@code contacts-<r>.csv} per replication that kept its contact log, in the rates
 * pipeline's contact-list format {@code a,b,start,end} (seconds since release).
 */
public final class SimulationFiles {
    private SimulationFiles() {
    }

    public static void write(SimulationResult result, Path dir) throws IOException {
        java.util.Set<String> rejectedKinds = result.summary().rejected().keySet();
        AtomicFile.writeText(dir.resolve("replications.csv"), w -> {
            w.write("replication,seed,T50,T90,T99,T100,offload,overheadRatio");
            for (ByteKind k : ByteKind.values()) {
                w.write(",bytes_" + k.key());
            }
            for (String k : rejectedKinds) {
                w.write(",rejected_" + k);
            }
            w.write(",tamperedInstalls,serverPieces,contacts,meanEnergyJoules\n");
            for (ReplicationResult r : result.replications()) {
                w.write(r.replication() + "," + r.seed() + "," + num(r.t50()) + "," + num(r.t90()) + "," + num(r.t99())
                        + "," + num(r.t100()) + "," + num(r.offload()) + "," + num(r.overheadRatio()));
                for (ByteKind k : ByteKind.values()) {
                    w.write("," + r.bytes().getOrDefault(k.key(), 0L));
                }
                for (String k : rejectedKinds) {
                    w.write("," + r.rejected().getOrDefault(k, 0L));
                }
                w.write("," + r.tamperedInstalls() + "," + r.serverPieces() + "," + r.contactCount() + "," + num(r.meanEnergyJoules()) + "\n");
            }
        });
        AtomicFile.writeText(dir.resolve("coverage.csv"), w -> {
            w.write("time,coverage,ciLow,ciHigh\n");
            for (double[] row : result.coverageBand(201)) {
                w.write(num(row[0]) + "," + num(row[1]) + "," + num(row[2]) + "," + num(row[3]) + "\n");
            }
        });
        AtomicFile.writeText(dir.resolve("energy.csv"), w -> {
            w.write("device,meanJoules\n");
            int n = result.scenario().fleet().devices();
            List<double[]> energies = new java.util.ArrayList<>();
            for (ReplicationResult r : result.replications()) {
                energies.add(r.energyJoules()); // one copy per replication, not per device
            }
            for (int d = 0; d < n; d++) {
                double sum = 0;
                for (double[] e : energies) {
                    sum += e[d];
                }
                w.write(d + "," + num(sum / result.replications().size()) + "\n");
            }
        });
        for (ReplicationResult r : result.replications()) {
            if (r.contacts() != null) {
                AtomicFile.writeText(dir.resolve("contacts-" + r.replication() + ".csv"), w -> contacts(w, r.contacts()));
            }
        }
    }

    /** Writes a contact log as {@code a,b,start,end} with a header line. */
    public static void contacts(Writer w, org.p2prollout.model.contact.ContactStore log) throws IOException {
        w.write("a,b,start,end\n");
        for (Contact c : log.contacts()) {
            w.write(c.a() + "," + c.b() + "," + num(c.start()) + "," + num(c.end()) + "\n");
        }
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.9g", v).replaceAll("\\.?0+(e|$)", "$1");
    }
}
