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
