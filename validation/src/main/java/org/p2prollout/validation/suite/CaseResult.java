package org.p2prollout.validation.suite;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one validation case found: its parameters, the predicted and simulated values with
 * confidence intervals, distances between curves, byte counts, and the verdict. A failed case
 * carries its numbers; a case that could not run says why and carries no numbers.
 *
 * @param name              short unique name, e.g. {@code "rw-single-piece"}
 * @param description       one sentence: what the case shows
 * @param parameters        scenario and model parameters as shown in the report (ordered)
 * @param verdict           PASS, FAIL or NOT_RUN
 * @param reasons           why the verdict is FAIL (the checks outside tolerance) or NOT_RUN
 * @param notes             caveats, e.g. "synthetic trace: ../shared/data absent"
 * @param replications      simulator replications run
 * @param comparisons       predicted against simulated values (T_q, server downloads, overhead, ...)
 * @param checks            distances against limits (KS distance of T_1, largest coverage gap)
 * @param predictedCoverage the model's expected fraction of devices holding the update over time
 * @param simulatedCoverage the simulation's mean coverage with its 95 % band
 * @param predictedT1Cdf    the model's CDF of T_1 (seconds)
 * @param simulatedT1       T_1 of each replication, seconds
 * @param predictedBytes    bytes per kind from the model (may be empty)
 * @param simulatedBytes    mean bytes per kind from the simulation (may be empty)
 * @param seconds           wall-clock time of the case, seconds
 */
public record CaseResult(String name, String description, Map<String, String> parameters, Verdict verdict,
                         List<String> reasons, List<String> notes, int replications,
                         List<Comparison> comparisons, List<Check> checks,
                         Curve predictedCoverage, Curve simulatedCoverage, Curve predictedT1Cdf,
                         double[] simulatedT1, Map<String, Double> predictedBytes,
                         Map<String, Double> simulatedBytes, double seconds) {

    /** The check name of the Kolmogorov–Smirnov distance between predicted and simulated T_1. */
    public static final String KS_T1 = "KS distance T_1";
    /** The check name of the largest vertical gap between the coverage curves (information). */
    public static final String COVERAGE_GAP = "coverage largest gap";
    /** The check name of the largest distance of the model's coverage from the simulation's 95 % band. */
    public static final String COVERAGE_BEYOND_BAND = "coverage gap beyond the 95% band";

    public CaseResult {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        reasons = List.copyOf(reasons);
        notes = List.copyOf(notes);
        comparisons = List.copyOf(comparisons);
        checks = List.copyOf(checks);
        simulatedT1 = simulatedT1.clone();
        predictedBytes = Collections.unmodifiableMap(new LinkedHashMap<>(predictedBytes));
        simulatedBytes = Collections.unmodifiableMap(new LinkedHashMap<>(simulatedBytes));
    }

    /** A case that could not run, with the reason; it carries no numbers. */
    public static CaseResult notRun(String name, String description, Map<String, String> parameters,
                                    String reason, List<String> notes) {
        return new CaseResult(name, description, parameters, Verdict.NOT_RUN, List.of(reason), notes, 0,
                List.of(), List.of(), Curve.empty(), Curve.empty(), Curve.empty(), new double[0],
                Map.of(), Map.of(), 0);
    }

    /**
     * A case that ran: the verdict follows from the comparisons and checks (PASS when every
     * checked one passes), and the reasons list each that does not.
     */
    public static CaseResult ran(String name, String description, Map<String, String> parameters,
                                 List<String> notes, int replications, List<Comparison> comparisons,
                                 List<Check> checks, Curve predictedCoverage, Curve simulatedCoverage,
                                 Curve predictedT1Cdf, double[] simulatedT1, Map<String, Double> predictedBytes,
                                 Map<String, Double> simulatedBytes, double seconds) {
        List<String> reasons = new ArrayList<>();
        for (Comparison c : comparisons) {
            if (!c.pass()) {
                reasons.add(String.format(java.util.Locale.ROOT,
                        "%s: predicted %s %s outside the 95%% CI [%s, %s] and relative error %.1f%% > %.1f%%",
                        c.metric(), num(c.predicted()), c.unit(), num(c.ciLow()), num(c.ciHigh()),
                        100 * c.relativeError(), 100 * c.tolerance()));
            }
        }
        for (Check k : checks) {
            if (!k.pass()) {
                reasons.add(String.format(java.util.Locale.ROOT, "%s = %.3f > limit %.3f", k.name(), k.value(), k.limit()));
            }
        }
        Verdict verdict = reasons.isEmpty() ? Verdict.PASS : Verdict.FAIL;
        return new CaseResult(name, description, parameters, verdict, reasons, notes, replications, comparisons,
                checks, predictedCoverage, simulatedCoverage, predictedT1Cdf, simulatedT1, predictedBytes,
                simulatedBytes, seconds);
    }

    private static String num(double v) {
        String s = String.format(java.util.Locale.ROOT, "%.6g", v);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return mantissa + (e < 0 ? "" : s.substring(e));
    }

    /** The comparison of the given metric, e.g. {@code "T_1"}. */
    public Optional<Comparison> comparison(String metric) {
        return comparisons.stream().filter(c -> c.metric().equals(metric)).findFirst();
    }

    /** The check of the given name, e.g. {@link #KS_T1}. */
    public Optional<Check> check(String checkName) {
        return checks.stream().filter(c -> c.name().equals(checkName)).findFirst();
    }

    @Override
    public double[] simulatedT1() {
        return simulatedT1.clone();
    }
}
