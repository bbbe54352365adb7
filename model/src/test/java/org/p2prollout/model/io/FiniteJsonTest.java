package org.p2prollout.model.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FiniteJsonTest {
    record Result(double mean, Double error, float share, double[] curve) {
    }

    @Test
    void nonFiniteNumbersAreNullInRecordsMapsArraysAndTrees() throws Exception {
        ObjectMapper m = FiniteJson.mapper();
        String r = m.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(new Result(Double.NaN, Double.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
                        new double[] {1.5, Double.NaN}));
        assertEquals("{\"mean\":null,\"error\":null,\"share\":null,\"curve\":[1.5,null]}", r);
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("a", Double.NaN);
        map.put("b", List.of(2.0, Double.NEGATIVE_INFINITY));
        assertEquals("{\"a\":null,\"b\":[2.0,null]}",
                m.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(map));
        ObjectNode tree = m.createObjectNode();
        tree.put("momentError", Double.NaN);
        tree.put("x", 0.25);
        assertEquals("{\"momentError\":null,\"x\":0.25}",
                m.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(tree));
        // The default mapper, for contrast, writes the strings this rule replaces.
        assertEquals("{\"momentError\":\"NaN\",\"x\":0.25}", new ObjectMapper().writeValueAsString(tree));
    }
}
