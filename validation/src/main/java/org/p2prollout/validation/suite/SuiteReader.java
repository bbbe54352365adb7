package org.p2prollout.validation.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.p2prollout.model.rates.PipelineOptions;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.validation.sim.scenario.Scenario;
import org.p2prollout.validation.sim.scenario.ScenarioReader;

/**
 * Reads a suite from YAML (docs/VALIDATION.md):
 *
 * <pre>
 * name: my-suite
 * description: what it checks
 * cases:
 *   - name: rw
 *     description: one sentence
 *     model: single-piece          # single-piece | multi-piece | heterogeneous | open-fleet
 *     replications: 12             # default 12
 *     seed: 1                      # default 1
 *     tolerances: {time: 0.15, serverDownloads: 0.25, ks: 0.3, coverageGap: 0.05, overhead: 0.25}
 *     scenario: {fleet: {devices: 40}, mobility: {model: random-walk}}   # as a scenario file
 *     # or scenarioFile: rw.yaml   (relative to this file)
 *     # trace: ../traces/cabs      (optional: replay this trace's contacts; fleet.devices is set from it)
 * offload:                         # optional
 *   scenario: {...}
 *   serverRates: [1e-4, 1e-3]
 *   replications: 4
 *   seed: 7
 * </pre>
 *
 * Unknown keys and bad values throw {@link InvalidInputException} naming the file and the key.
 */
public final class SuiteReader {
    private static final Set<String> SUITE_KEYS = Set.of("name", "description", "cases", "offload");
    private static final Set<String> CASE_KEYS = Set.of("name", "description", "model", "replications", "seed",
            "tolerances", "scenario", "scenarioFile", "trace");
    private static final Set<String> TOLERANCE_KEYS = Set.of("time", "serverDownloads", "ks", "coverageGap", "overhead");
    private static final Set<String> OFFLOAD_KEYS = Set.of("scenario", "scenarioFile", "serverRates", "replications", "seed");

    private SuiteReader() {
    }

    public static SuiteSpec read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        return parse(org.p2prollout.core.InputText.readUtf8(file), file.toString(), file.toAbsolutePath().getParent());
    }

    public static SuiteSpec parse(String yaml, String source, Path baseDir) {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
        JsonNode root;
        try {
            root = mapper.readTree(yaml);
        } catch (IOException e) {
            throw new InvalidInputException(source + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException(source + ": expected a mapping with name, description, cases");
        }
        keys(root, SUITE_KEYS, source, "suite");
        String name = text(root, "name", source, "suite", baseDir.getFileName() == null ? "suite" : "suite");
        String description = text(root, "description", source, "suite", "Suite read from " + source + ".");
        JsonNode casesNode = root.get("cases");
        if (casesNode == null || !casesNode.isArray() || casesNode.isEmpty()) {
            throw new InvalidInputException(source + ": 'cases' must be a non-empty list");
        }
        List<CaseSpec> cases = new ArrayList<>();
        int index = 0;
        for (JsonNode c : casesNode) {
            cases.add(caseSpec(mapper, c, source, baseDir, index++));
        }
        OffloadSweep offload = null;
        JsonNode o = root.get("offload");
        if (o != null && !o.isNull()) {
            String where = "offload";
            keys(o, OFFLOAD_KEYS, source, where);
            Scenario s = scenario(mapper, o, source, baseDir, where);
            JsonNode rates = o.get("serverRates");
            if (rates == null || !rates.isArray() || rates.isEmpty()) {
                throw new InvalidInputException(source + ": offload.serverRates must be a non-empty list of rates per second");
            }
            double[] mu = new double[rates.size()];
            for (int i = 0; i < mu.length; i++) {
                mu[i] = number(rates.get(i), source, "offload.serverRates[" + i + "]");
            }
            offload = new OffloadSweep(s, mu, (int) integer(o, "replications", source, where, 4),
                    integer(o, "seed", source, where, 1));
        }
        try {
            return new SuiteSpec(name, description, cases, offload, List.of("read from " + source));
        } catch (InvalidInputException e) {
            throw new InvalidInputException(source + ": " + e.getMessage(), e);
        }
    }

    private static CaseSpec caseSpec(ObjectMapper mapper, JsonNode c, String source, Path baseDir, int index) {
        String where = "cases[" + index + "]";
        if (!c.isObject()) {
            throw new InvalidInputException(source + ": " + where + " must be a mapping");
        }
        keys(c, CASE_KEYS, source, where);
        String name = text(c, "name", source, where, null);
        if (name == null) {
            throw new InvalidInputException(source + ": " + where + ".name is required");
        }
        String description = text(c, "description", source, where, "");
        ModelKind model;
        try {
            model = ModelKind.parse(text(c, "model", source, where, "single-piece"));
        } catch (InvalidInputException e) {
            throw new InvalidInputException(source + ": " + where + "." + e.getMessage(), e);
        }
        int replications = (int) integer(c, "replications", source, where, 12);
        long seed = integer(c, "seed", source, where, 1);
        Tolerances tol = tolerances(c.get("tolerances"), source, where);
        ContactSupply contacts = null;
        List<String> notes = new ArrayList<>();
        String trace = text(c, "trace", source, where, null);
        Scenario scenario;
        if (trace != null) {
            Path path = baseDir.resolve(trace).normalize();
            if (!Files.exists(path)) {
                scenario = scenario(mapper, c, source, baseDir, where);
                return new CaseSpec(name, description, model, scenario, Math.max(2, replications), seed, tol, notes,
                        "trace " + path + " not found", null);
            }
            TraceContacts t = TraceContacts.read(path, PipelineOptions.DEFAULT);
            contacts = t;
            scenario = scenario(mapper, c, source, baseDir, where, t, 0);
        } else {
            scenario = scenario(mapper, c, source, baseDir, where);
        }
        try {
            return new CaseSpec(name, description, model, scenario, replications, seed, tol, notes, null, contacts);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(source + ": " + where + ": " + e.getMessage(), e);
        }
    }

    /** The scenario section of a case (inline or from scenarioFile), optionally patched, then parsed. */
    private static Scenario scenario(ObjectMapper mapper, JsonNode c, String source, Path baseDir, String where) {
        return scenario(mapper, c, source, baseDir, where, null, 0);
    }

    /**
     * @param trace when non-null, the scenario is set to replay it: fleet.devices from the trace,
     *              mobility contact-process with rate 0 (no own contacts), duration the trace's window
     */
    private static Scenario scenario(ObjectMapper mapper, JsonNode c, String source, Path baseDir, String where,
                                     TraceContacts trace, int unused) {
        JsonNode inline = c.get("scenario");
        String file = text(c, "scenarioFile", source, where, null);
        try {
            JsonNode tree;
            Path scenarioDir = baseDir;
            if (file != null) {
                if (inline != null) {
                    throw new InvalidInputException(where + ": give scenario or scenarioFile, not both");
                }
                Path path = baseDir.resolve(file);
                if (!Files.isRegularFile(path)) {
                    throw new NoSuchFileException(path.toString());
                }
                tree = mapper.readTree(org.p2prollout.core.InputText.readUtf8(path));
                scenarioDir = path.toAbsolutePath().getParent();
            } else {
                tree = inline;
            }
            com.fasterxml.jackson.databind.node.ObjectNode patched = tree == null || tree.isNull()
                    ? mapper.createObjectNode() : (com.fasterxml.jackson.databind.node.ObjectNode) tree.deepCopy();
            if (trace != null) {
                patched.with("fleet").put("devices", trace.devices());
                com.fasterxml.jackson.databind.node.ObjectNode mobility = patched.with("mobility");
                mobility.put("model", "contact-process");
                mobility.put("encounterRate", 0.0);
                mobility.put("durationSeconds", trace.seconds());
                mobility.remove("trace");
            }
            return ScenarioReader.parse(mapper.writeValueAsString(patched), source + ": " + where + ".scenario",
                    scenarioDir);
        } catch (ClassCastException e) {
            throw new InvalidInputException(source + ": " + where + ".scenario must be a mapping of sections", e);
        } catch (IOException e) {
            throw new InvalidInputException(source + ": " + where + ": cannot read scenario: " + e.getMessage(), e);
        }
    }

    private static Tolerances tolerances(JsonNode t, String source, String where) {
        if (t == null || t.isNull()) {
            return Tolerances.DEFAULT;
        }
        keys(t, TOLERANCE_KEYS, source, where + ".tolerances");
        Tolerances d = Tolerances.DEFAULT;
        String w = where + ".tolerances";
        try {
            return new Tolerances(t.has("time") ? number(t.get("time"), source, w + ".time") : d.time(),
                    t.has("serverDownloads") ? number(t.get("serverDownloads"), source, w + ".serverDownloads") : d.serverDownloads(),
                    t.has("ks") ? number(t.get("ks"), source, w + ".ks") : d.ks(),
                    t.has("coverageGap") ? number(t.get("coverageGap"), source, w + ".coverageGap") : d.coverageGap(),
                    t.has("overhead") ? number(t.get("overhead"), source, w + ".overhead") : d.overhead());
        } catch (InvalidInputException e) {
            throw new InvalidInputException(source + ": " + where + ": " + e.getMessage(), e);
        }
    }

    private static void keys(JsonNode node, Set<String> allowed, String source, String where) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new InvalidInputException(source + ": unknown key '" + k + "' in " + where + " (allowed: "
                        + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        }
    }

    private static String text(JsonNode node, String key, String source, String where, String fallback) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isValueNode()) {
            throw new InvalidInputException(source + ": " + where + "." + key + " must be a string");
        }
        return v.asText();
    }

    private static long integer(JsonNode node, String key, String source, String where, long fallback) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isIntegralNumber()) {
            throw new InvalidInputException(source + ": " + where + "." + key + " must be an integer, got '" + v.asText() + "'");
        }
        return v.asLong();
    }

    private static double number(JsonNode v, String source, String key) {
        if (v == null || !v.isNumber()) {
            throw new InvalidInputException(source + ": " + key + " must be a number, got '" + (v == null ? "" : v.asText()) + "'");
        }
        return v.asDouble();
    }
}
