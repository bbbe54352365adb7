package org.p2prollout.validation.suite;

import java.util.List;

/**
 * The outcome of a validation suite: every case (passed, failed or not run) and the offload
 * curves of the distribution schemes.
 *
 * @param name        suite name, e.g. {@code "quick"}
 * @param description one sentence
 * @param cases       the cases in suite order
 * @param offload     offload against server rate per scheme (P2P, client-server, BitTorrent-like); may be empty
 * @param notes       suite-wide caveats
 * @param seconds     wall-clock time, seconds
 * @param forecasts   the trace forecast cases
 */
public record SuiteResult(String name, String description, List<CaseResult> cases, List<OffloadSeries> offload,
                          List<String> notes, double seconds, List<ForecastCaseResult> forecasts) {
    /** A result without forecast cases. */
    public SuiteResult(String name, String description, List<CaseResult> cases, List<OffloadSeries> offload,
                       List<String> notes, double seconds) {
        this(name, description, cases, offload, notes, seconds, List.of());
    }

    public SuiteResult {
        cases = List.copyOf(cases);
        offload = List.copyOf(offload);
        notes = List.copyOf(notes);
        forecasts = List.copyOf(forecasts);
    }

    public long passed() {
        return count(Verdict.PASS);
    }

    public long failed() {
        return count(Verdict.FAIL);
    }

    public long notRun() {
        return count(Verdict.NOT_RUN);
    }

    private long count(Verdict v) {
        return cases.stream().filter(c -> c.verdict() == v).count()
                + forecasts.stream().filter(c -> c.verdict() == v).count();
    }
}
