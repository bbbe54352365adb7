package org.p2prollout.validation.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One axis of a sweep: a parameter and the values it takes.
 *
 * @param key    the parameter: a scenario key such as {@code fleet.devices}, or a model key such as {@code rate}
 * @param values its values, as YAML nodes (numbers, strings, lists for list-valued keys)
 * @param labels the same values as written in points.csv
 */
public record Axis(String key, List<JsonNode> values, List<String> labels) {
    public Axis {
        values = List.copyOf(values);
        labels = List.copyOf(labels);
    }

    public int size() {
        return values.size();
    }

    /** Whether every value is a number (the axis of a line chart, or a numeric heat-map side). */
    public boolean numeric() {
        return values.stream().allMatch(JsonNode::isNumber);
    }
}
