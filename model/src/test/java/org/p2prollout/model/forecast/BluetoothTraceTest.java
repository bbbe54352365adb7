package org.p2prollout.model.forecast;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.p2prollout.model.rates.PipelineOptions;
import org.p2prollout.model.spread.FleetTrace;
import org.p2prollout.model.trace.DeviceFilter;
import org.p2prollout.model.trace.ReadOptions;
import org.p2prollout.core.ProgressListener;

/**
 * The pairs model on a real Bluetooth contact list (Haggle/Infocom style, about 41 iMotes over a few
 * days) from ../shared/data (or the folder ROLLOUT_SHARED_DATA names), skipped with a message when no such
 * trace is there: fitted on every whole day but the middle one, forecast for the middle one, and
 * compared with that day's trace truth. Prints
 * the errors of the pairs model, the replay and the well-mixed chains; requires the pairs model to be
 * closer to the truth than the homogeneous chain at T_0.5 and T_0.9.
 */
class BluetoothTraceTest {
    private static final Pattern NAME = Pattern.compile("(?i).*(infocom|haggle|bluetooth|imote|cambridge|sigcomm).*");

    /** The trace file: a matching file in the shared data, or the largest file of a matching folder. */
    static Path find() throws IOException {
        String env = System.getenv("ROLLOUT_SHARED_DATA");
        String root = env != null ? env : System.getProperty("rollout.sharedData");
        Path dir = root == null ? null : Path.of(root);
        Assumptions.assumeTrue(dir != null && Files.isDirectory(dir), "shared data absent (ROLLOUT_SHARED_DATA or system"
                + " property rollout.sharedData): Bluetooth trace test skipped");
        List<Path> matches;
        try (Stream<Path> s = Files.list(dir)) {
            matches = s.filter(p -> NAME.matcher(p.getFileName().toString()).matches()).sorted().toList();
        }
        Assumptions.assumeTrue(!matches.isEmpty(), "no Bluetooth contact trace (a name with infocom, haggle, bluetooth,"
                + " imote, cambridge or sigcomm) in " + dir + ": Bluetooth trace test skipped");
        Path p = matches.get(0);
        if (Files.isDirectory(p)) {
            try (Stream<Path> s = Files.walk(p)) {
                p = s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().toLowerCase(Locale.ROOT)
                        .startsWith("readme")).max(Comparator.comparingLong(BluetoothTraceTest::size)).orElse(null);
            }
            Assumptions.assumeTrue(p != null, matches.get(0) + " holds no file: Bluetooth trace test skipped");
        }
        return p;
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    @Test
    void pairsForecastOfAHeldOutDayAgainstItsTruth() throws IOException {
        Path path = find();
        // the experiment's own devices only: external devices sighted never log anything
        PipelineOptions options = PipelineOptions.DEFAULT.withRead(ReadOptions.DEFAULT.withDevices(
                new DeviceFilter.ExperimentOnly()));
        FleetTrace trace = FleetTrace.load(path, options, null, ProgressListener.NONE);
        var net = trace.network();
        List<double[]> days = TrainingWindows.wholeDays(net.from(), net.to(), trace.zone());
        Assumptions.assumeTrue(days.size() >= 2, path + " spans " + days.size() + " whole day(s): need 2");
        int middle = days.size() / 2;
        List<double[]> test = List.of(days.get(middle));
        List<double[]> train = new ArrayList<>(days);
        train.remove(middle);
        ForecastQuestion q = ForecastQuestion.DEFAULT.withReleases(2000);
        TraceForecast.Result pairs = TraceForecast.run(trace, train, test, ForecastModel.PAIRS, q, null, 2000,
                ProgressListener.NONE);
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "%s: %d devices, %d contacts; train %s,"
                + " test %s%n", path.getFileName(), net.devices(), net.contacts(), describe(train, trace),
                describe(test, trace)));
        report.append(String.format(Locale.ROOT, "adequacy: recommended %s; %s%n", pairs.adequacy().recommended(),
                pairs.adequacy().explain().replace(System.lineSeparator(), "; ")));
        double[] homogeneous = new double[2];
        double[] mine = new double[2];
        for (ForecastModel m : new ForecastModel[] {ForecastModel.PAIRS, ForecastModel.REPLAY, ForecastModel.CLASSES,
                ForecastModel.HOMOGENEOUS}) {
            TraceForecast.Result r = m == ForecastModel.PAIRS ? pairs
                    : TraceForecast.run(trace, train, test, m, q, null, 2000, ProgressListener.NONE);
            report.append(String.format(Locale.ROOT, "%-12s", m.cliName()));
            int i = 0;
            for (String k : List.of("0.5", "0.9", "0.99")) {
                double err = r.error().meanError().get(k);
                report.append(String.format(Locale.ROOT, "  T_%s %7.2f h (truth %7.2f h, %+6.1f %%, KS %.2f)", k,
                        r.forecast().rolloutTimes().get(k).mean() / 3600, r.truth().rolloutTimes().get(k).mean() / 3600,
                        100 * err, r.error().ks().get(k)));
                if (i < 2 && m == ForecastModel.HOMOGENEOUS) {
                    homogeneous[i] = err;
                }
                if (i < 2 && m == ForecastModel.PAIRS) {
                    mine[i] = err;
                }
                i++;
            }
            report.append(System.lineSeparator());
        }
        System.out.println(report);
        for (int i = 0; i < 2; i++) {
            assertTrue(Math.abs(mine[i]) < Math.abs(homogeneous[i]), "the pairs model must beat the well-mixed chain: "
                    + report);
        }
    }

    private static String describe(List<double[]> w, FleetTrace trace) {
        return String.join(", ", w.stream().map(x -> TrainingWindows.describe(x, trace.zone())).toList());
    }
}
