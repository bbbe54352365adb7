package org.p2prollout.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;

/**
 * The one JSON mapper configuration of the command line (records serialise by component; a
 * number that is not finite, NaN or an infinity, is written as {@code null}: see
 * {@link org.p2prollout.model.io.FiniteJson}).
 */
public final class Json {
    private static final ObjectMapper MAPPER = org.p2prollout.model.io.FiniteJson.mapper();

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /**
     * An {@link org.p2prollout.solver.Accuracy} as a JSON object: every component, a quantity the
     * method does not provide (NaN) as null (JSON has no NaN), and the error in words.
     */
    public static java.util.Map<String, Object> accuracy(org.p2prollout.solver.Accuracy a) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("method", a.method());
        m.put("iterations", a.iterations());
        m.put("residual", finiteOrNull(a.residual()));
        m.put("errorBound", finiteOrNull(a.errorBound()));
        m.put("criterion", a.criterion());
        m.put("converged", a.converged());
        m.put("quantileTolerance", finiteOrNull(a.quantileTolerance()));
        m.put("momentError", finiteOrNull(a.momentError()));
        m.put("approximation", a.approximation());
        m.put("error", a.errorStatement());
        return m;
    }

    /** JSON has no NaN: a quantity a method does not provide is null. */
    public static Double finiteOrNull(double v) {
        return Double.isNaN(v) ? null : v;
    }

    /** Writes {@code value} as one JSON object followed by a newline. */
    public static void print(PrintWriter out, Object value) {
        try {
            out.println(MAPPER.writeValueAsString(value));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise result: " + e.getMessage(), e);
        }
    }
}
