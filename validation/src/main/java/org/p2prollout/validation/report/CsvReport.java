package org.p2prollout.validation.report;

import java.util.StringJoiner;
import org.p2prollout.validation.suite.CaseResult;
import org.p2prollout.validation.suite.Check;
import org.p2prollout.validation.suite.Comparison;
import org.p2prollout.validation.suite.SuiteResult;

/**
 * The report's tables as CSV: one row per case ({@code cases.csv}) and one row per comparison
 * or check ({@code comparisons.csv}, long format). Values in full precision, units in the header
 * or in a unit column; NaN is an empty cell.
 */
public final class CsvReport {
    private CsvReport() {
    }

    /** One row per case: verdict, mean T_1 predicted and simulated with CI, KS distance, coverage gap. */
    public static String cases(SuiteResult suite) {
        StringBuilder out = new StringBuilder(
                "case,verdict,replications,t1_predicted_s,t1_simulated_s,t1_ci_low_s,t1_ci_high_s,t1_relative_error,"
                        + "ks_distance_t1,coverage_largest_gap,coverage_gap_beyond_band,seconds,reasons\n");
        for (CaseResult c : suite.cases()) {
            Comparison t1 = c.comparison("T_1").orElse(null);
            StringJoiner row = new StringJoiner(",");
            row.add(Format.csv(c.name())).add(c.verdict().name()).add(Integer.toString(c.replications()));
            if (t1 == null) {
                row.add("").add("").add("").add("").add("");
            } else {
                row.add(Format.csv(t1.predicted())).add(Format.csv(t1.simulated())).add(Format.csv(t1.ciLow()))
                        .add(Format.csv(t1.ciHigh())).add(Format.csv(t1.relativeError()));
            }
            row.add(c.check(CaseResult.KS_T1).map(k -> Format.csv(k.value())).orElse(""));
            row.add(c.check(CaseResult.COVERAGE_GAP).map(k -> Format.csv(k.value())).orElse(""));
            row.add(c.check(CaseResult.COVERAGE_BEYOND_BAND).map(k -> Format.csv(k.value())).orElse(""));
            row.add(Format.csv(c.seconds()));
            row.add(Format.csv(String.join("; ", c.reasons())));
            out.append(row).append('\n');
        }
        return out.toString();
    }

    /** Long format: case, metric, unit, predicted, simulated, CI, relative error, tolerance or limit, pass. */
    public static String comparisons(SuiteResult suite) {
        StringBuilder out = new StringBuilder(
                "case,metric,unit,predicted,simulated,ci_low,ci_high,relative_error,tolerance,checked,pass\n");
        for (CaseResult c : suite.cases()) {
            for (Comparison m : c.comparisons()) {
                out.append(String.join(",", Format.csv(c.name()), Format.csv(m.metric()), Format.csv(m.unit()),
                        Format.csv(m.predicted()), Format.csv(m.simulated()), Format.csv(m.ciLow()),
                        Format.csv(m.ciHigh()), Format.csv(m.relativeError()), Format.csv(m.tolerance()),
                        Boolean.toString(m.checked()), Boolean.toString(m.pass()))).append('\n');
            }
            for (Check k : c.checks()) {
                out.append(String.join(",", Format.csv(c.name()), Format.csv(k.name()), "distance",
                        Format.csv(k.value()), "", "", "", "", k.checked() ? Format.csv(k.limit()) : "",
                        Boolean.toString(k.checked()),
                        Boolean.toString(k.pass()))).append('\n');
            }
        }
        return out.toString();
    }
}
