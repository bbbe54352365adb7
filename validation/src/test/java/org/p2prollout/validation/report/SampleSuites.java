package org.p2prollout.validation.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.p2prollout.validation.suite.CaseResult;
import org.p2prollout.validation.suite.Check;
import org.p2prollout.validation.suite.Comparison;
import org.p2prollout.validation.suite.Curve;
import org.p2prollout.validation.suite.OffloadSeries;
import org.p2prollout.validation.suite.SuiteResult;

/** Hand-made suite results for the report tests: a passing, a failing and a not-run case. */
final class SampleSuites {
    private SampleSuites() {
    }

    /** Logistic coverage 1/(1 + 9 exp(-t/50)), the classic epidemic shape starting at 10 %. */
    static double logistic(double t, double scale) {
        return 1 / (1 + 9 * Math.exp(-t / scale));
    }

    static CaseResult passing() {
        int n = 60;
        double[] t = new double[n];
        double[] model = new double[n];
        double[] sim = new double[n];
        double[] low = new double[n];
        double[] high = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = 10.0 * i;
            model[i] = logistic(t[i], 50);
            sim[i] = logistic(t[i], 55);
            low[i] = Math.max(0, sim[i] - 0.08);
            high[i] = Math.min(1, sim[i] + 0.08);
        }
        double[] cdfT = new double[50];
        double[] cdf = new double[50];
        for (int i = 0; i < 50; i++) {
            cdfT[i] = 200 + 8.0 * i;
            cdf[i] = 1 - Math.exp(-Math.max(0, cdfT[i] - 200) / 80);
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("devices N", "50");
        params.put("encounter rate lambda (per second, from the contact log)", "0.0012");
        Map<String, Double> predictedBytes = new LinkedHashMap<>();
        predictedBytes.put("peer payload", 4.9e7);
        predictedBytes.put("server payload", 1.0e6);
        Map<String, Double> simulatedBytes = new LinkedHashMap<>();
        simulatedBytes.put("peer payload", 4.7e7);
        simulatedBytes.put("server payload", 1.2e6);
        simulatedBytes.put("announcements", 3.0e5);
        return CaseResult.ran("rw-single-piece", "Random-walk fleet, one piece, no server.", params,
                List.of("rates estimated from 1234 contacts"), 20,
                List.of(Comparison.of("T_0.5", "s", 105, 110, 100, 120, 0.15, true),
                        Comparison.of("T_1", "s", 260, 275, 262, 288, 0.15, true),
                        Comparison.of("overhead", "ratio", 1.00, 1.31, 1.29, 1.33, 0.5, false)),
                List.of(new Check(CaseResult.KS_T1, 0.12, 0.3), new Check(CaseResult.COVERAGE_GAP, 0.05, 0.1),
                        new Check(CaseResult.COVERAGE_BEYOND_BAND, 0.01, 0.05)),
                Curve.of(t, model), new Curve(t, sim, low, high), Curve.of(cdfT, cdf),
                new double[] {230, 250, 262, 270, 281, 300, 330},
                predictedBytes, simulatedBytes, 3.5);
    }

    static CaseResult failing() {
        return CaseResult.ran("rarest-first K=8", "Multi-piece, rarest first.", Map.of("pieces K", "8"), List.of(), 10,
                List.of(Comparison.of("T_1", "s", 400, 300, 280, 320, 0.15, true)),
                List.of(new Check(CaseResult.KS_T1, 0.8, 0.3)),
                Curve.empty(), Curve.empty(), Curve.empty(), new double[0], Map.of(), Map.of(), 1.0);
    }

    static CaseResult notRun() {
        return CaseResult.notRun("cab traces", "Trace-driven case <cabs>.", Map.of(),
                "the trace reader is not available", List.of());
    }

    static SuiteResult suite() {
        double[] mu = {0, 0.001, 0.002, 0.005, 0.01};
        return new SuiteResult("sample", "Hand-made results for the report tests.",
                List.of(passing(), failing(), notRun()),
                List.of(new OffloadSeries("P2P", mu, new double[] {1, 0.8, 0.65, 0.45, 0.3}, "model"),
                        new OffloadSeries("client-server", mu, new double[] {0, 0, 0, 0, 0}, "definition"),
                        new OffloadSeries("BitTorrent-like", mu, new double[] {0.95, 0.9, 0.85, 0.8, 0.7}, "fluid model")),
                List.of("a note for the whole suite"), 4.5);
    }
}
