package org.p2prollout.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.p2prollout.model.forecast.Adequacy;
import org.p2prollout.model.forecast.Forecast;
import org.p2prollout.model.forecast.ForecastError;
import org.p2prollout.model.forecast.TraceForecast;
import org.p2prollout.model.forecast.TrainingWindows;
import org.p2prollout.model.spread.FleetTrace;
import org.p2prollout.model.spread.LevelTimes;

/** Output of {@code rollout predict --trace}: JSON and text, NaN written as null. */
final class TracePredict {
    private TracePredict() {
    }

    /**
     * @param words turns the library's parameter names in notes into this command's options
     *              ({@link OptionNames#translate})
     */
    static Map<String, Object> json(Path path, FleetTrace trace, TraceForecast.Result r, UnaryOperator<String> words) {
        Map<String, Object> out = new LinkedHashMap<>();
        Forecast f = r.forecast();
        out.put("model", f.model().cliName());
        out.put("method", f.method());
        out.put("chosenBy", words.apply(r.chosenBy()));
        out.put("rolloutTimes", times(f));
        out.put("fleet", num(f.fleet()));
        out.put("interval", f.interval());
        out.put("assumptions", f.assumptions().stream().map(words).toList());
        out.put("warnings", f.warnings().stream().map(words).toList());
        out.put("details", clean(f.details()));
        out.put("adequacy", adequacy(r.adequacy()));
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("path", path.toString());
        t.put("format", trace.format().cliName());
        t.put("devices", trace.network().devices());
        t.put("contacts", trace.network().contacts());
        t.put("timeZone", trace.zone().getId());
        t.put("training", windows(r.training(), trace));
        t.put("outages", windows(trace.outages(), trace));
        out.put("trace", t);
        if (r.truth() != null) {
            Map<String, Object> test = new LinkedHashMap<>();
            test.put("windows", windows(r.test(), trace));
            test.put("truth", times(r.truth()));
            test.put("truthWarnings", r.truth().warnings().stream().map(words).toList());
            test.put("error", error(r.error()));
            out.put("test", test);
        }
        return out;
    }

    private static Map<String, Object> times(Forecast f) {
        Map<String, Object> m = new LinkedHashMap<>();
        f.rolloutTimes().forEach((k, v) -> {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("mean", num(v.mean()));
            e.put("median", num(v.median()));
            e.put("low", num(v.low()));
            e.put("high", num(v.high()));
            e.put("reached", num(v.reached()));
            m.put(k, e);
        });
        return m;
    }

    private static Map<String, Object> error(ForecastError e) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String k : new java.util.TreeSet<>(e.meanError().keySet())) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("meanError", num(e.meanError().get(k)));
            x.put("medianError", num(e.medianError().get(k)));
            x.put("ks", num(e.ks().get(k)));
            m.put(k, x);
        }
        return m;
    }

    /** The same figures as {@code rollout rates} reports (NaN as null). */
    private static Map<String, Object> adequacy(Adequacy a) {
        return RatesCommand.adequacyJson(a);
    }

    private static List<String> windows(List<double[]> w, FleetTrace trace) {
        List<String> l = new ArrayList<>();
        for (double[] x : w) {
            l.add(TrainingWindows.describe(x, trace.zone()));
        }
        return l;
    }

    private static Map<String, Object> clean(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, v instanceof Double d ? num(d) : v));
        return out;
    }

    static Object num(Double d) {
        return d == null || d.isNaN() || d.isInfinite() ? null : d;
    }

    static void text(PrintWriter w, Path path, FleetTrace trace, TraceForecast.Result r, UnaryOperator<String> words) {
        Forecast f = r.forecast();
        w.printf(Locale.ROOT, "trace        %s (%s, %d devices, %d contacts, time zone %s)%n", path, trace.format().cliName(),
                trace.network().devices(), trace.network().contacts(), trace.zone().getId());
        for (String s : windows(r.training(), trace)) {
            w.printf(Locale.ROOT, "training     %s%n", s);
        }
        for (String s : windows(trace.outages(), trace)) {
            w.printf(Locale.ROOT, "outage       %s (no device reported; excluded from fitting)%n", s);
        }
        Adequacy a = r.adequacy();
        w.printf(Locale.ROOT, "adequacy     %s%n", a.wellMixedAllowed() ? "close to well mixed" : "not well mixed:");
        for (String s : a.reasons()) {
            w.printf(Locale.ROOT, "  - %s%n", s);
        }
        w.printf(Locale.ROOT, "model        %s (chosen by %s)%n", f.model().cliName(), words.apply(r.chosenBy()));
        w.printf(Locale.ROOT, "method       %s%n", f.method());
        w.printf(Locale.ROOT, "fleet        %.0f devices counted (present within the horizon)%n", f.fleet());
        w.printf(Locale.ROOT, "%n  level      mean      median    95%% interval of the mean    reached%n");
        f.rolloutTimes().forEach((k, v) -> w.printf(Locale.ROOT, "  T_%-6s %s  %s  [%s, %s]    %5.1f %%%n", k, hours(v.mean()),
                hours(v.median()), hours(v.low()), hours(v.high()), 100 * v.reached()));
        w.printf(Locale.ROOT, "  interval: %s%n%n", f.interval());
        w.println("assumptions");
        for (String s : f.assumptions()) {
            w.printf(Locale.ROOT, "  - %s%n", words.apply(s));
        }
        if (!f.warnings().isEmpty()) {
            w.println("warnings");
            for (String s : f.warnings()) {
                w.printf(Locale.ROOT, "  - %s%n", words.apply(s));
            }
        }
        if (r.truth() != null) {
            w.printf(Locale.ROOT, "%ntruth of the test window %s (trace's own spread)%n", String.join(", ", windows(r.test(), trace)));
            w.printf(Locale.ROOT, "  level      truth mean   forecast    error     KS%n");
            for (String k : r.truth().rolloutTimes().keySet()) {
                LevelTimes t = r.truth().rolloutTimes().get(k);
                LevelTimes p = f.rolloutTimes().get(k);
                w.printf(Locale.ROOT, "  T_%-6s %s   %s   %+6.1f %%   %.3f%n", k, hours(t.mean()), hours(p.mean()),
                        100 * r.error().meanError().get(k), r.error().ks().get(k));
            }
            for (String s : r.truth().warnings()) {
                w.printf(Locale.ROOT, "  - %s%n", words.apply(s));
            }
        }
    }

    static String hours(double s) {
        if (!Double.isFinite(s)) {
            return "      n/a";
        }
        return s >= 3600 ? String.format(Locale.ROOT, "%7.2f h", s / 3600) : String.format(Locale.ROOT, "%7.0f s", s);
    }
}
