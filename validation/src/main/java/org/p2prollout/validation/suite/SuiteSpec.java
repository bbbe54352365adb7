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
 */
public record SuiteSpec(String name, String description, List<CaseSpec> cases, OffloadSweep offload,
                        List<String> notes) {
    public SuiteSpec {
        cases = List.copyOf(cases);
        notes = List.copyOf(notes);
        if (cases.isEmpty()) {
            throw new org.p2prollout.solver.InvalidInputException("a suite needs at least one case");
        }
        if (cases.stream().map(CaseSpec::name).distinct().count() != cases.size()) {
            throw new org.p2prollout.solver.InvalidInputException("case names in suite " + name + " must be unique");
        }
    }
}
