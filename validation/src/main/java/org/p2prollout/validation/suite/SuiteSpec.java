package org.p2prollout.validation.suite;

import java.util.List;

/**
 * A validation suite: cases run in order, an optional offload sweep, and notes for the report.
 *
 * @param name        e.g. {@code quick}
 * @param description one sentence
 * @param cases       the cases
 * @param offload     offload against server rate for the schemes, or null
 * @param notes       suite-wide caveats
 * @param forecasts   trace forecast cases: models against the truth of held-out days
 */
public record SuiteSpec(String name, String description, List<CaseSpec> cases, OffloadSweep offload,
                        List<String> notes, List<ForecastCaseSpec> forecasts) {
    /** A suite without forecast cases. */
    public SuiteSpec(String name, String description, List<CaseSpec> cases, OffloadSweep offload, List<String> notes) {
        this(name, description, cases, offload, notes, List.of());
    }

    public SuiteSpec {
        cases = List.copyOf(cases);
        notes = List.copyOf(notes);
        forecasts = List.copyOf(forecasts);
        if (cases.isEmpty() && forecasts.isEmpty()) {
            throw new org.p2prollout.core.InvalidInputException("a suite needs at least one case");
        }
        if (forecasts.stream().map(ForecastCaseSpec::name).distinct().count() != forecasts.size()) {
            throw new org.p2prollout.core.InvalidInputException("forecast case names in suite " + name + " must be unique");
        }
        if (cases.stream().map(CaseSpec::name).distinct().count() != cases.size()) {
            throw new org.p2prollout.core.InvalidInputException("case names in suite " + name + " must be unique");
        }
    }
}
