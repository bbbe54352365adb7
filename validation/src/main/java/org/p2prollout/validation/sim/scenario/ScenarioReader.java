package org.p2prollout.validation.sim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.validation.sim.scenario.Scenario.AdversaryBehaviour;
import org.p2prollout.validation.sim.scenario.Scenario.BandwidthClass;
import org.p2prollout.validation.sim.scenario.Scenario.Baseline;
import org.p2prollout.validation.sim.scenario.Scenario.MobilityModel;
import org.p2prollout.protocol.selection.PiecePolicy;
import org.p2prollout.validation.sim.scenario.Scenario.ProtocolImplementation;

/**
 * Reads a {@link Scenario} from YAML. Top-level sections {@code fleet, mobility, radio, release,
 * protocol, adversary, server, churn} (and the key {@code baseline}); every key is optional and takes
 * the default of docs/SCENARIO.md. Unknown sections or keys, wrong types and values out of range
 * throw {@link InvalidInputException} naming the file and the key. A relative
 * {@code mobility.trace} path is resolved against the scenario file's folder.
 */
public final class ScenarioReader {
    private interface Setter {
        void set(ScenarioBuilder b, Value v);
    }

    /** A YAML value with its qualified key, for messages. */
    private record Value(String key, JsonNode node, Path baseDir) {
        double asDouble() {
            if (node.isNumber()) {
                return node.asDouble();
            }
            if (node.isTextual()) {
                String t = node.asText().trim().toLowerCase(Locale.ROOT);
                if (t.equals("unlimited") || t.equals(".inf") || t.equals("inf") || t.equals("infinity")) {
                    return Double.POSITIVE_INFINITY;
                }
            }
            throw new InvalidInputException(key + " must be a number, got '" + node.asText() + "'");
        }

        int asInt() {
            long v = asLong();
            if (v != (int) v) {
                throw new InvalidInputException(key + " must be an integer in the int range, got " + v);
            }
            return (int) v;
        }

        long asLong() {
            if (node.isIntegralNumber() && node.canConvertToLong()) {
                return node.asLong();
            }
            if (node.isFloatingPointNumber() && node.asDouble() == Math.rint(node.asDouble())
                    && Math.abs(node.asDouble()) < 9e15) {
                return (long) node.asDouble();
            }
            throw new InvalidInputException(key + " must be an integer, got '" + node.asText() + "'");
        }

        boolean asBoolean() {
            if (!node.isBoolean()) {
                throw new InvalidInputException(key + " must be true or false, got '" + node.asText() + "'");
            }
            return node.asBoolean();
        }

        String asText() {
            if (!node.isValueNode() || node.isNull()) {
                throw new InvalidInputException(key + " must be a string, got " + node);
            }
            return node.asText();
        }

        List<Integer> asIntList() {
            if (!node.isArray()) {
                throw new InvalidInputException(key + " must be a list of device indices, got " + node);
            }
            List<Integer> ids = new ArrayList<>();
            for (JsonNode e : node) {
                ids.add(new Value(key, e, baseDir).asInt());
            }
            return ids;
        }

        <E extends Enum<E>> E asEnum(Class<E> type) {
            return parseEnum(key, asText(), type);
        }
    }

    private static final Map<String, Setter> KEYS = new LinkedHashMap<>();

    static {
        KEYS.put("fleet.devices", (b, v) -> b.devices(v.asInt()));
        KEYS.put("fleet.initialHolders", (b, v) -> b.initialHolders(v.asInt()));
        KEYS.put("fleet.bandwidthClasses", ScenarioReader::bandwidthClasses);
        KEYS.put("fleet.freeRiderShare", (b, v) -> b.freeRiderShare(v.asDouble()));
        KEYS.put("fleet.batteryJoules", (b, v) -> b.batteryJoules(v.asDouble()));
        KEYS.put("fleet.batteryReserveJoules", (b, v) -> b.batteryReserveJoules(v.asDouble()));
        KEYS.put("fleet.joulesPerByteSent", (b, v) -> b.joulesPerByteSent(v.asDouble()));
        KEYS.put("fleet.joulesPerByteReceived", (b, v) -> b.joulesPerByteReceived(v.asDouble()));
        KEYS.put("fleet.installFailureProbability", (b, v) -> b.installFailureProbability(v.asDouble()));
        KEYS.put("fleet.initialHolderIds", (b, v) -> b.initialHolderIds(v.asIntList()));
        KEYS.put("mobility.model", (b, v) -> b.mobility(v.asEnum(MobilityModel.class)));
        KEYS.put("mobility.durationSeconds", (b, v) -> b.durationSeconds(v.asDouble()));
        KEYS.put("mobility.stepSeconds", (b, v) -> b.stepSeconds(v.asDouble()));
        KEYS.put("mobility.areaWidthMeters", (b, v) -> b.areaWidthMeters(v.asDouble()));
        KEYS.put("mobility.areaHeightMeters", (b, v) -> b.areaHeightMeters(v.asDouble()));
        KEYS.put("mobility.speedMinMetersPerSecond", (b, v) -> b.speedMinMetersPerSecond(v.asDouble()));
        KEYS.put("mobility.speedMaxMetersPerSecond", (b, v) -> b.speedMaxMetersPerSecond(v.asDouble()));
        KEYS.put("mobility.pauseMaxSeconds", (b, v) -> b.pauseMaxSeconds(v.asDouble()));
        KEYS.put("mobility.encounterRate", (b, v) -> b.encounterRate(v.asDouble()));
        KEYS.put("mobility.contactDurationSeconds", (b, v) -> b.contactDurationSeconds(v.asDouble()));
        KEYS.put("mobility.trace", (b, v) -> b.trace(v.baseDir().resolve(v.asText()).normalize().toString()));
        KEYS.put("mobility.traceFormat", (b, v) -> b.traceFormat(v.asText()));
        KEYS.put("mobility.traceMaxDevices", (b, v) -> b.traceMaxDevices(v.asInt()));
        KEYS.put("mobility.recordContacts", (b, v) -> b.recordContacts(v.asBoolean()));
        KEYS.put("mobility.blockLengthMeters", (b, v) -> b.blockLengthMeters(v.asDouble()));
        KEYS.put("mobility.parkedShare", (b, v) -> b.parkedShare(v.asDouble()));
        KEYS.put("radio.rangeMeters", (b, v) -> b.rangeMeters(v.asDouble()));
        KEYS.put("radio.frameHeaderBytes", (b, v) -> b.frameHeaderBytes(v.asInt()));
        KEYS.put("radio.instantaneous", (b, v) -> b.instantaneous(v.asBoolean()));
        KEYS.put("release.name", (b, v) -> b.releaseName(v.asText()));
        KEYS.put("release.version", (b, v) -> b.releaseVersion(v.asInt()));
        KEYS.put("release.sizeBytes", (b, v) -> b.sizeBytes(v.asLong()));
        KEYS.put("release.pieces", (b, v) -> b.pieces(v.asInt()));
        KEYS.put("release.priority", (b, v) -> b.priority(v.asInt()));
        KEYS.put("protocol.implementation", (b, v) -> b.implementation(v.asEnum(ProtocolImplementation.class)));
        KEYS.put("protocol.policy", (b, v) -> b.policy(PiecePolicy.parse(v.key, v.asText())));
        KEYS.put("protocol.recentPeers", (b, v) -> b.recentPeers(v.asInt()));
        KEYS.put("protocol.failureShareThreshold", (b, v) -> b.failureShareThreshold(v.asDouble()));
        KEYS.put("protocol.uploadSlots", (b, v) -> b.uploadSlots(v.asInt()));
        KEYS.put("adversary.share", (b, v) -> b.adversaryShare(v.asDouble()));
        KEYS.put("adversary.behaviours", ScenarioReader::behaviours);
        KEYS.put("adversary.deviceIds", (b, v) -> b.adversaryIds(v.asIntList()));
        KEYS.put("server.rate", (b, v) -> b.serverRate(v.asDouble()));
        KEYS.put("server.bytesPerSecond", (b, v) -> b.serverBytesPerSecond(v.asDouble()));
        KEYS.put("server.coverageShare", (b, v) -> b.serverCoverageShare(v.asDouble()));
        KEYS.put("server.coverageAreas", ScenarioReader::coverageAreas);
        KEYS.put("churn.arrivalRate", (b, v) -> b.arrivalRate(v.asDouble()));
        KEYS.put("churn.leaveLackingRate", (b, v) -> b.leaveLackingRate(v.asDouble()));
        KEYS.put("churn.leaveHoldingRate", (b, v) -> b.leaveHoldingRate(v.asDouble()));
        KEYS.put("churn.warmupSeconds", (b, v) -> b.warmupSeconds(v.asDouble()));
        KEYS.put("churn.batches", (b, v) -> b.batches(v.asInt()));
    }

    private ScenarioReader() {
    }

    /** Every key the reader accepts, as {@code section.key}, in documentation order. */
    public static List<String> keys() {
        List<String> all = new ArrayList<>(KEYS.keySet());
        all.add("baseline");
        return all;
    }

    /** Reads and validates a scenario file. */
    public static Scenario read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        String text = org.p2prollout.core.InputText.readUtf8(file);
        Path dir = file.toAbsolutePath().getParent();
        return parse(text, file.toString(), dir);
    }

    /**
     * Parses scenario YAML.
     *
     * @param source  name used in messages (e.g. the file name)
     * @param baseDir folder against which a relative trace path is resolved
     */
    public static Scenario parse(String yaml, String source, Path baseDir) {
        return parse(tree(yaml, source), source, baseDir);
    }

    /**
     * The YAML tree of a scenario (or of any YAML text), for callers that change keys before
     * {@link #parse(JsonNode, String, Path)}, e.g. a sweep setting one axis value.
     */
    public static JsonNode tree(String yaml, String source) {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (IOException e) {
            throw new InvalidInputException(source + ": not valid YAML: " + firstLine(e.getMessage()), e);
        }
    }

    /**
     * Builds and validates a scenario from its YAML tree (sections as in a scenario file).
     *
     * @param source  name used in messages (e.g. the file name)
     * @param baseDir folder against which a relative trace path is resolved
     */
    public static Scenario parse(JsonNode root, String source, Path baseDir) {
        ScenarioBuilder b = Scenario.builder();
        if (root == null || root.isNull() || root.isMissingNode()) {
            return wrap(source, b);
        }
        if (!root.isObject()) {
            throw new InvalidInputException(source + ": expected a mapping of sections (fleet, mobility, ...)");
        }
        try {
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> section = it.next();
                String name = section.getKey();
                if (name.equals("baseline")) {
                    b.baseline(new Value("baseline", section.getValue(), baseDir).asEnum(Baseline.class));
                    continue;
                }
                if (KEYS.keySet().stream().noneMatch(k -> k.startsWith(name + "."))) {
                    throw new InvalidInputException("unknown section '" + name
                            + "' (allowed: fleet, mobility, radio, release, protocol, adversary, server, churn, baseline)");
                }
                JsonNode body = section.getValue();
                if (body == null || body.isNull()) {
                    continue;
                }
                if (!body.isObject()) {
                    throw new InvalidInputException("section '" + name + "' must be a mapping of keys");
                }
                for (Iterator<Map.Entry<String, JsonNode>> kv = body.fields(); kv.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = kv.next();
                    String key = name + "." + e.getKey();
                    Setter setter = KEYS.get(key);
                    if (setter == null) {
                        throw new InvalidInputException("unknown key '" + key + "' (allowed in " + name + ": "
                                + String.join(", ", KEYS.keySet().stream().filter(k -> k.startsWith(name + "."))
                                .map(k -> k.substring(name.length() + 1)).toList()) + ")");
                    }
                    setter.set(b, new Value(key, e.getValue(), baseDir));
                }
            }
        } catch (InvalidInputException e) {
            throw new InvalidInputException(source + ": " + e.getMessage(), e);
        }
        return wrap(source, b);
    }

    private static Scenario wrap(String source, ScenarioBuilder b) {
        try {
            return b.build();
        } catch (InvalidInputException e) {
            throw new InvalidInputException(source + ": " + e.getMessage(), e);
        }
    }

    private static void bandwidthClasses(ScenarioBuilder b, Value v) {
        if (!v.node().isArray()) {
            throw new InvalidInputException(v.key() + " must be a list of {share, bytesPerSecond}");
        }
        List<BandwidthClass> classes = new ArrayList<>();
        for (JsonNode c : v.node()) {
            if (!c.isObject()) {
                throw new InvalidInputException(v.key() + " entries must be mappings {share, bytesPerSecond}");
            }
            double share = 1;
            Double bw = null;
            for (Iterator<Map.Entry<String, JsonNode>> it = c.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Value ev = new Value(v.key() + "." + e.getKey(), e.getValue(), v.baseDir());
                switch (e.getKey()) {
                    case "share" -> share = ev.asDouble();
                    case "bytesPerSecond" -> bw = ev.asDouble();
                    default -> throw new InvalidInputException("unknown key '" + ev.key()
                            + "' (allowed: share, bytesPerSecond)");
                }
            }
            if (bw == null) {
                throw new InvalidInputException(v.key() + " entries need bytesPerSecond");
            }
            classes.add(new BandwidthClass(share, bw));
        }
        b.bandwidthClasses(classes);
    }

    private static void coverageAreas(ScenarioBuilder b, Value v) {
        if (!v.node().isArray()) {
            throw new InvalidInputException(v.key() + " must be a list of {x, y, radiusMeters}");
        }
        List<Scenario.CoverageArea> areas = new ArrayList<>();
        for (JsonNode c : v.node()) {
            if (!c.isObject()) {
                throw new InvalidInputException(v.key() + " entries must be mappings {x, y, radiusMeters}");
            }
            Double x = null;
            Double y = null;
            Double r = null;
            for (Iterator<Map.Entry<String, JsonNode>> it = c.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Value ev = new Value(v.key() + "." + e.getKey(), e.getValue(), v.baseDir());
                switch (e.getKey()) {
                    case "x" -> x = ev.asDouble();
                    case "y" -> y = ev.asDouble();
                    case "radiusMeters" -> r = ev.asDouble();
                    default -> throw new InvalidInputException("unknown key '" + ev.key() + "' (allowed: x, y, radiusMeters)");
                }
            }
            if (x == null || y == null || r == null) {
                throw new InvalidInputException(v.key() + " entries need x, y and radiusMeters");
            }
            areas.add(new Scenario.CoverageArea(x, y, r));
        }
        b.serverCoverageAreas(areas);
    }

    private static void behaviours(ScenarioBuilder b, Value v) {
        if (!v.node().isArray()) {
            throw new InvalidInputException(v.key()
                    + " must be a list of tampered-pieces, forged-manifest, older-version, lying-bitfield");
        }
        List<AdversaryBehaviour> list = new ArrayList<>();
        for (JsonNode n : v.node()) {
            list.add(new Value(v.key(), n, v.baseDir()).asEnum(AdversaryBehaviour.class));
        }
        b.adversaryBehaviours(list);
    }

    /** Parses an enum written in kebab case ({@code random-waypoint}) or as its constant name. */
    static <E extends Enum<E>> E parseEnum(String key, String value, Class<E> type) {
        String norm = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(norm)) {
                return e;
            }
        }
        List<String> allowed = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            allowed.add(kebab(e));
        }
        throw new InvalidInputException(key + " must be one of " + String.join(", ", allowed) + ", got '" + value + "'");
    }

    /** The YAML spelling of an enum constant: lower case with hyphens. */
    public static String kebab(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
