package org.p2prollout.validation.suite;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.p2prollout.model.swarm.RolloutModel;

/**
 * A swarm model parameterised from a simulation's own contact log.
 *
 * @param model            the model
 * @param parameters       its parameters as shown in the report, e.g. {@code "λ (per pair per second)"}
 * @param notes            caveats, e.g. approximations made
 * @param predictedBytes   bytes per kind the model predicts (keys as the simulator's, e.g. {@code peerPayload})
 * @param predictedOverhead predicted overhead ratio, or NaN when the model does not predict it
 */
public record ModelFit(RolloutModel model, Map<String, String> parameters, List<String> notes,
                       Map<String, Double> predictedBytes, double predictedOverhead) {
    public ModelFit {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        notes = List.copyOf(notes);
        predictedBytes = Collections.unmodifiableMap(new LinkedHashMap<>(predictedBytes));
    }
}
