package org.p2prollout.validation.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.validation.sim.scenario.Scenario;
import org.p2prollout.validation.sim.scenario.ScenarioReader;

/**
 * Reads a sweep file (docs/SWEEPS.md) and resolves every point before any runs: unknown keys and
 * parameters, empty axes and values out of range throw {@link InvalidInputException} naming the
 * file, the key and what is allowed.
 *
 * <pre>
 * compute: both              # predict, simulate or both
 * seed: 1
 * replications: 10
 * scenario: epidemic.yaml    # a scenario file (relative to this file) or an inline scenario
 * # model: {nodes: 1000, rate: 1e-5}   # or: the model's parameters
 * axes:
 *   fleet.devices: [50, 100, 200]
 *   server.rate: {from: 0, to: 2e-4, steps: 5}
 * </pre>
 */
public final class SweepReader {
    /** Top-level keys of a sweep file. */
    public static final List<String> KEYS = List.of("name", "compute", "seed", "replications", "scenario", "model",
            "axes");
    /** Keys of a range axis. */
    public static final List<String> RANGE_KEYS = List.of("from", "to", "steps", "step", "scale");
    /** Most points a sweep may have. */
    public static final int MAX_POINTS = 1_000_000;
    /** Most values one range may produce. */
    public static final int MAX_RANGE_VALUES = 100_000;

    private SweepReader() {
    }

    /** Reads and validates a sweep file. */
    public static SweepSpec read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        String source = file.toString();
        JsonNode root = ScenarioReader.tree(org.p2prollout.core.InputText.readUtf8(file), source);
        Path dir = file.toAbsolutePath().getParent();
        String stem = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return parse(root, source, dir, stem);
    }

    /**
     * Parses a sweep's YAML tree.
     *
     * @param source  name used in messages
     * @param baseDir folder against which a scenario file and a trace path are resolved
     * @param name    default name of the sweep
     */
    public static SweepSpec parse(JsonNode root, String source, Path baseDir, String name) {
        try {
            return parseUnwrapped(root, source, baseDir, name);
        } catch (InvalidInputException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(source + ":")) {
                throw e;
            }
            throw new InvalidInputException(source + ": " + e.getMessage(), e);
        }
    }

    private static SweepSpec parseUnwrapped(JsonNode root, String source, Path baseDir, String defaultName) {
        if (root == null || !root.isObject()) {
            throw new InvalidInputException("a sweep is a mapping with keys " + String.join(", ", KEYS));
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw new InvalidInputException("unknown key '" + key + "' (allowed: " + String.join(", ", KEYS) + ")");
            }
        }
        String name = root.has("name") ? text(root.get("name"), "name") : defaultName;
        Compute compute = compute(root.get("compute"));
        long seed = root.has("seed") ? integer(root.get("seed"), "seed", Long.MIN_VALUE, Long.MAX_VALUE) : 1;
        boolean hasScenario = root.has("scenario") && !root.get("scenario").isNull();
        boolean hasModel = root.has("model") && !root.get("model").isNull();
        if (hasScenario == hasModel) {
            throw new InvalidInputException("give exactly one base: 'scenario' (the simulator's scenario, a file or a"
                    + " mapping, docs/SCENARIO.md) or 'model' (the model's parameters: "
                    + String.join(", ", ModelPoint.KEYS.keySet()) + ")");
        }
        if (hasModel && compute.simulates()) {
            throw new InvalidInputException("compute must be predict with a model base (got " + compute.key()
                    + "): simulating needs a 'scenario' base (devices, mobility, radio, ...)");
        }
        int replications;
        if (root.has("replications")) {
            replications = (int) integer(root.get("replications"), "replications", 1, 100_000);
            if (!compute.simulates() && replications != 1) {
                throw new InvalidInputException("replications must be 1 (or absent) with compute predict: a"
                        + " prediction is computed once per point; got " + replications);
            }
        } else {
            replications = compute.simulates() ? 10 : 1;
        }
        ObjectNode base;
        Path scenarioDir = baseDir;
        String baseSource = source;
        if (hasScenario) {
            JsonNode s = root.get("scenario");
            if (s.isTextual()) {
                Path file = baseDir.resolve(s.asText()).normalize();
                if (!Files.isRegularFile(file)) {
                    throw new InvalidInputException("scenario: no such scenario file: " + file);
                }
                try {
                    s = ScenarioReader.tree(org.p2prollout.core.InputText.readUtf8(file), file.toString());
                } catch (IOException e) {
                    throw new InvalidInputException("scenario: cannot read " + file + ": " + e.getMessage(), e);
                }
                scenarioDir = file.getParent();
                baseSource = file.toString();
                if (s == null || s.isNull() || s.isMissingNode()) {
                    s = JsonNodeFactory.instance.objectNode();
                }
            }
            if (!s.isObject()) {
                throw new InvalidInputException("scenario must be a scenario file name or a mapping of scenario"
                        + " sections (fleet, mobility, radio, release, protocol, adversary, server, churn, baseline)");
            }
            base = (ObjectNode) s;
        } else {
            JsonNode m = root.get("model");
            if (!m.isObject()) {
                throw new InvalidInputException("model must be a mapping of model parameters ("
                        + String.join(", ", ModelPoint.KEYS.keySet()) + ")");
            }
            base = ((ObjectNode) m).deepCopy();
            if (base.has("rates")) {
                withRates(base, baseDir);
            }
        }
        List<Axis> axes = axes(root.get("axes"), hasScenario);
        // each value with the other axes at their first values, so that a message names the axis and the value
        for (int d = 0; d < axes.size(); d++) {
            Axis a = axes.get(d);
            for (int i = 0; i < a.size(); i++) {
                List<Integer> choice = new ArrayList<>(java.util.Collections.nCopies(axes.size(), 0));
                choice.set(d, i);
                try {
                    if (hasScenario) {
                        point(base, axes, choice, compute, scenarioDir, baseSource, -1, seed);
                    } else {
                        ModelPoint.parse(with(base, axes, choice, false));
                    }
                } catch (InvalidInputException e) {
                    throw new InvalidInputException("axes." + a.key() + " value " + a.labels().get(i) + ": "
                            + strip(e.getMessage(), baseSource), e);
                }
            }
        }
        long count = 1;
        for (Axis a : axes) {
            count *= a.size();
            if (count > MAX_POINTS) {
                throw new InvalidInputException("the axes make more than " + MAX_POINTS + " points; split the sweep");
            }
        }
        List<SweepPoint> points = new ArrayList<>((int) count);
        int[] at = new int[axes.size()];
        for (int index = 0; index < count; index++) {
            List<Integer> choice = new ArrayList<>();
            for (int v : at) {
                choice.add(v);
            }
            try {
                if (hasScenario) {
                    points.add(point(base, axes, choice, compute, scenarioDir, baseSource, index, seed));
                } else {
                    List<String> labels = labels(axes, choice);
                    points.add(new SweepPoint(index, SweepSeeds.pointSeed(seed, index), labels, null,
                            ModelPoint.parse(with(base, axes, choice, false))));
                }
            } catch (InvalidInputException e) {
                throw new InvalidInputException("point " + index + " (" + describe(axes, choice) + "): "
                        + strip(e.getMessage(), baseSource), e);
            }
            for (int d = axes.size() - 1; d >= 0; d--) {
                if (++at[d] < axes.get(d).size()) {
                    break;
                }
                at[d] = 0;
            }
        }
        return new SweepSpec(source, name, compute, seed, replications, hasScenario, axes, points);
    }

    /**
     * A model base's {@code rates: FILE} (the summary.json of {@code rollout rates}, or its folder,
     * relative to the sweep file): its mean rate, devices and mean contact duration become the
     * defaults of {@code rate}, {@code nodes} and {@code contactDuration} (keys given in the base or
     * on an axis win). Classes are not used: a sweep's model is homogeneous.
     */
    private static void withRates(ObjectNode base, Path baseDir) {
        JsonNode r = base.remove("rates");
        if (r == null || !r.isTextual() || r.asText().isBlank()) {
            throw new InvalidInputException("model.rates must be the path of a summary.json from 'rollout rates'"
                    + " (or its folder), relative to the sweep file");
        }
        Path file = baseDir.resolve(r.asText()).normalize();
        org.p2prollout.model.swarm.RatesFile rates;
        try {
            rates = org.p2prollout.model.swarm.RatesFile.read(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InvalidInputException("model.rates: no such file: " + e.getFile());
        } catch (IOException e) {
            throw new InvalidInputException("model.rates: cannot read " + file + ": " + e.getMessage(), e);
        }
        if (!base.has("rate")) {
            base.put("rate", rates.meanRate());
        }
        if (!base.has("nodes")) {
            base.put("nodes", rates.devices());
        }
        if (!base.has("contactDuration") && Double.isFinite(rates.meanContactDuration())
                && rates.meanContactDuration() > 0) {
            base.put("contactDuration", rates.meanContactDuration());
        }
    }

    private static String strip(String message, String source) {
        return message != null && message.startsWith(source + ": ") ? message.substring(source.length() + 2) : message;
    }

    private static String describe(List<Axis> axes, List<Integer> choice) {
        List<String> parts = new ArrayList<>();
        for (int d = 0; d < axes.size(); d++) {
            parts.add(axes.get(d).key() + "=" + axes.get(d).labels().get(choice.get(d)));
        }
        return String.join(", ", parts);
    }

    private static List<String> labels(List<Axis> axes, List<Integer> choice) {
        List<String> l = new ArrayList<>();
        for (int d = 0; d < axes.size(); d++) {
            l.add(axes.get(d).labels().get(choice.get(d)));
        }
        return l;
    }

    /** The base with the chosen axis values set; scenario keys {@code section.key} go into their section. */
    static ObjectNode with(ObjectNode base, List<Axis> axes, List<Integer> choice, boolean scenario) {
        ObjectNode t = base.deepCopy();
        for (int d = 0; d < axes.size(); d++) {
            Axis a = axes.get(d);
            JsonNode v = a.values().get(choice.get(d));
            if (scenario && a.key().contains(".")) {
                String section = a.key().substring(0, a.key().indexOf('.'));
                String key = a.key().substring(section.length() + 1);
                JsonNode s = t.get(section);
                ObjectNode sec = s instanceof ObjectNode o ? o : t.putObject(section);
                sec.set(key, v);
            } else {
                t.set(a.key(), v);
            }
        }
        return t;
    }

    private static SweepPoint point(ObjectNode base, List<Axis> axes, List<Integer> choice, Compute compute,
                                    Path scenarioDir, String baseSource, int index, long seed) {
        Scenario sc = ScenarioReader.parse(with(base, axes, choice, true), baseSource, scenarioDir);
        if (sc.churn().open()) {
            throw new InvalidInputException("churn.arrivalRate must be 0 in a sweep (an open fleet has no rollout"
                    + " times), got " + sc.churn().arrivalRate());
        }
        ModelPoint model = compute.predicts() ? ModelPoint.fromScenario(sc) : null;
        return new SweepPoint(Math.max(0, index), SweepSeeds.pointSeed(seed, Math.max(0, index)), labels(axes, choice),
                sc, model);
    }

    private static Compute compute(JsonNode n) {
        if (n == null || n.isNull()) {
            return Compute.BOTH;
        }
        String v = n.asText().trim().toLowerCase(Locale.ROOT);
        for (Compute c : Compute.values()) {
            if (c.key().equals(v)) {
                return c;
            }
        }
        throw new InvalidInputException("compute must be predict, simulate or both, got '" + n.asText() + "'");
    }

    private static List<Axis> axes(JsonNode n, boolean scenario) {
        List<Axis> axes = new ArrayList<>();
        if (n == null || n.isNull()) {
            return axes;
        }
        if (!n.isObject()) {
            throw new InvalidInputException("axes must be a mapping of parameter: values (a list, or a range"
                    + " {from, to, steps})");
        }
        Set<String> allowed = scenario ? new java.util.LinkedHashSet<>(ScenarioReader.keys())
                : ModelPoint.KEYS.keySet();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            if (!allowed.contains(key)) {
                throw new InvalidInputException("unknown parameter '" + key + "' in axes (allowed with a "
                        + (scenario ? "scenario base: " : "model base: ") + String.join(", ", allowed) + ")");
            }
            List<JsonNode> values = values(key, e.getValue());
            if (values.isEmpty()) {
                throw new InvalidInputException("axes." + key + " is empty: give at least one value (a list [a, b, ...]"
                        + " or a range {from, to, steps})");
            }
            List<String> labels = new ArrayList<>();
            for (JsonNode v : values) {
                labels.add(label(v));
            }
            if (new java.util.HashSet<>(labels).size() != labels.size()) {
                throw new InvalidInputException("axes." + key + " repeats a value: " + labels);
            }
            axes.add(new Axis(key, values, labels));
        }
        return axes;
    }

    private static List<JsonNode> values(String key, JsonNode v) {
        List<JsonNode> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isArray()) {
            v.forEach(out::add);
            return out;
        }
        if (v.isObject()) {
            return range(key, v);
        }
        throw new InvalidInputException("axes." + key + " must be a list of values or a range {from, to, steps}"
                + " ({from, to, step}; scale: linear or log), got " + v);
    }

    private static List<JsonNode> range(String key, JsonNode r) {
        String where = "axes." + key;
        for (Iterator<String> it = r.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!RANGE_KEYS.contains(k)) {
                throw new InvalidInputException("unknown key '" + where + "." + k + "' (allowed in a range: "
                        + String.join(", ", RANGE_KEYS) + ")");
            }
        }
        if (!r.has("from") || !r.has("to")) {
            throw new InvalidInputException(where + ": a range needs from and to (and steps or step)");
        }
        double from = number(r.get("from"), where + ".from");
        double to = number(r.get("to"), where + ".to");
        String scale = r.has("scale") ? r.get("scale").asText().trim().toLowerCase(Locale.ROOT) : "linear";
        if (!scale.equals("linear") && !scale.equals("log")) {
            throw new InvalidInputException(where + ".scale must be linear or log, got '" + r.get("scale").asText() + "'");
        }
        if (r.has("steps") == r.has("step")) {
            throw new InvalidInputException(where + ": give either steps (number of values, >= 1) or step (> 0)");
        }
        int steps;
        if (r.has("steps")) {
            steps = (int) integer(r.get("steps"), where + ".steps", 0, MAX_RANGE_VALUES);
            if (steps == 0) {
                throw new InvalidInputException(where + " is empty: steps must be an integer in [1, "
                        + MAX_RANGE_VALUES + "], got 0");
            }
        } else {
            if (scale.equals("log")) {
                throw new InvalidInputException(where + ": a log range takes steps (number of values), not step");
            }
            double step = number(r.get("step"), where + ".step");
            if (!(step > 0)) {
                throw new InvalidInputException(where + ".step must be a number > 0, got " + step);
            }
            if (to < from) {
                throw new InvalidInputException(where + " is empty: to (" + to + ") < from (" + from + ")");
            }
            double n = Math.floor((to - from) / step * (1 + 1e-12) + 1e-9) + 1;
            if (n > MAX_RANGE_VALUES) {
                throw new InvalidInputException(where + " makes more than " + MAX_RANGE_VALUES + " values");
            }
            steps = (int) n;
            to = from + (steps - 1) * step;
        }
        if (scale.equals("log") && !(from > 0 && to > 0)) {
            throw new InvalidInputException(where + ": a log range needs from > 0 and to > 0, got " + from + " .. " + to);
        }
        List<JsonNode> out = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            double f = steps == 1 ? 0 : (double) i / (steps - 1);
            double v = scale.equals("log") ? from * Math.pow(to / from, f) : from + (to - from) * f;
            if (i == steps - 1) {
                v = to;
            }
            out.add(numberNode(v));
        }
        return out;
    }

    /** 12 significant digits (so 0.1 steps give 0.3, not 0.30000000000000004); integers as integers. */
    static JsonNode numberNode(double v) {
        double r = v == 0 ? 0 : new BigDecimal(v).round(new MathContext(12)).doubleValue();
        if (r == Math.rint(r) && Math.abs(r) < 1e15) {
            return JsonNodeFactory.instance.numberNode((long) r);
        }
        return JsonNodeFactory.instance.numberNode(r);
    }

    /** A value as points.csv writes it: integers without a point, other numbers as Java's shortest decimal. */
    static String label(JsonNode v) {
        if (v.isIntegralNumber()) {
            return v.asText();
        }
        if (v.isNumber()) {
            double d = v.asDouble();
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
        }
        if (v.isValueNode()) {
            return v.asText();
        }
        return v.toString();
    }

    private static String text(JsonNode n, String key) {
        if (n == null || !n.isValueNode() || n.isNull() || n.asText().isBlank()) {
            throw new InvalidInputException(key + " must be a non-empty string");
        }
        return n.asText();
    }

    private static double number(JsonNode n, String key) {
        if (n == null || !n.isNumber()) {
            throw new InvalidInputException(key + " must be a number, got " + (n == null ? "nothing" : "'" + n.asText() + "'"));
        }
        return n.asDouble();
    }

    private static long integer(JsonNode n, String key, long min, long max) {
        long v;
        if (n != null && n.isIntegralNumber() && n.canConvertToLong()) {
            v = n.asLong();
        } else if (n != null && n.isNumber() && n.asDouble() == Math.rint(n.asDouble()) && Math.abs(n.asDouble()) < 9e15) {
            v = (long) n.asDouble();
        } else {
            throw new InvalidInputException(key + " must be an integer in [" + min + ", " + max + "], got "
                    + (n == null ? "nothing" : "'" + n.asText() + "'"));
        }
        if (v < min || v > max) {
            throw new InvalidInputException(key + " must be an integer in [" + min + ", " + max + "], got " + v);
        }
        return v;
    }
}
