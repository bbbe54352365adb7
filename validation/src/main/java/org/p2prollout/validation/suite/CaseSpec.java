package org.p2prollout.validation.suite;

import java.util.List;
import org.p2prollout.core.Checks;
import org.p2prollout.validation.sim.scenario.Scenario;

/**
 * A validation case: a scenario run R times in the simulator and the model it is compared with.
 *
 * @param name         short unique name
 * @param description  one sentence: what the case shows
 * @param model        which model is parameterised from the simulation's contact log
 * @param scenario     the simulator scenario (its contact log is always recorded)
 * @param replications R, in [2, 100000]
 * @param seed         seed of replication streams
 * @param tolerances   what the comparison accepts
 * @param notes        caveats shown in the report (e.g. "synthetic trace: ../shared/data absent")
 * @param unavailable  when non-null the case cannot run and is reported NOT_RUN with this reason
 * @param contacts     contacts to replay instead of the scenario's mobility (a trace, a synthetic city),
 *                     or null; their device count must equal the scenario's
 */
public record CaseSpec(String name, String description, ModelKind model, Scenario scenario, int replications,
                       long seed, Tolerances tolerances, List<String> notes, String unavailable,
                       ContactSupply contacts) {
    public CaseSpec {
        if (name == null || name.isBlank()) {
            throw new org.p2prollout.core.InvalidInputException("case name must be a non-empty string");
        }
        Checks.inRange("replications", replications, 2, 100_000);
        notes = List.copyOf(notes);
        if (contacts != null && contacts.devices() != scenario.fleet().devices()) {
            throw new org.p2prollout.core.InvalidInputException("case " + name + ": the contacts are between "
                    + contacts.devices() + " devices but fleet.devices is " + scenario.fleet().devices());
        }
    }

    public static CaseSpec of(String name, String description, ModelKind model, Scenario scenario, int replications,
                              long seed, Tolerances tolerances) {
        return new CaseSpec(name, description, model, scenario, replications, seed, tolerances, List.of(), null, null);
    }

    /** This case replaying {@code supply}'s contacts, with notes. */
    public CaseSpec withContacts(ContactSupply supply, List<String> extraNotes) {
        List<String> all = new java.util.ArrayList<>(notes);
        all.addAll(extraNotes);
        return new CaseSpec(name, description, model, scenario, replications, seed, tolerances, all, unavailable, supply);
    }

    /** This case reported as not run, with the reason. */
    public CaseSpec asUnavailable(String reason) {
        return new CaseSpec(name, description, model, scenario, replications, seed, tolerances, notes, reason, contacts);
    }

    /** This case with another number of replications. */
    public CaseSpec withReplications(int r) {
        return new CaseSpec(name, description, model, scenario, r, seed, tolerances, notes, unavailable, contacts);
    }
}
