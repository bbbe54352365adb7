package org.p2prollout.validation.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.validation.sim.scenario.Scenario;
import org.p2prollout.validation.sim.scenario.ScenarioReader;

class ScenarioReaderTest {
    static Scenario parse(String yaml) {
        return ScenarioReader.parse(yaml, "s.yaml", Path.of("/data/scenarios"));
    }

    @Test
    void emptyFileGivesTheDocumentedDefaults() {
        Scenario sc = parse("");
        assertEquals(100, sc.fleet().devices());
        assertEquals(1, sc.fleet().initialHolders());
        assertEquals(Scenario.MobilityModel.RANDOM_WAYPOINT, sc.mobility().model());
        assertEquals(3600, sc.mobility().durationSeconds());
        assertEquals(100, sc.radio().rangeMeters());
        assertEquals(1_000_000, sc.release().sizeBytes());
        assertEquals(10, sc.release().pieces());
        assertEquals(Scenario.ProtocolImplementation.REFERENCE, sc.protocol().implementation());
        assertEquals(0, sc.server().rate());
        assertEquals(Scenario.Baseline.P2P, sc.baseline());
        assertEquals(Double.POSITIVE_INFINITY, sc.fleet().batteryJoules());
    }

    @Test
    void readsEverySectionAndKebabCaseEnums() {
        Scenario sc = parse("""
                fleet: {devices: 50, initialHolders: 2, freeRiderShare: 0.1, batteryJoules: unlimited,
                        bandwidthClasses: [{share: 0.5, bytesPerSecond: 1000}, {share: 0.5, bytesPerSecond: 2000}]}
                mobility: {model: contact-process, encounterRate: 0.001, trace: traces/x.csv}
                radio: {instantaneous: true}
                release: {sizeBytes: 5000, pieces: 5}
                protocol: {policy: rarest-first, implementation: ideal}
                adversary: {share: 0.1, behaviours: [tampered-pieces, older-version]}
                server: {rate: 0.01}
                baseline: client-server
                """);
        assertEquals(50, sc.fleet().devices());
        assertEquals(2, sc.fleet().bandwidthClasses().size());
        assertEquals(Scenario.MobilityModel.CONTACT_PROCESS, sc.mobility().model());
        assertEquals(Path.of("/data/scenarios/traces/x.csv").toString(), sc.mobility().trace());
        assertEquals(List.of(Scenario.AdversaryBehaviour.TAMPERED_PIECES, Scenario.AdversaryBehaviour.OLDER_VERSION),
                sc.adversary().behaviours());
        assertEquals(Scenario.Baseline.CLIENT_SERVER, sc.baseline());
    }

    @Test
    void unknownKeysAndSectionsAreErrorsNamingFileAndKey() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> parse("fleet: {devicez: 3}"));
        assertTrue(e.getMessage().startsWith("s.yaml: unknown key 'fleet.devicez'"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> parse("flet: {devices: 3}"));
        assertTrue(e.getMessage().contains("s.yaml: unknown section 'flet'"), e.getMessage());
    }

    @Test
    void valuesAreRangeChecked() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> parse("fleet: {devices: 0}"));
        assertEquals("s.yaml: fleet.devices must be an integer in [1, 10000000], got 0", e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> parse("fleet: {devices: 5, initialHolders: 6}"));
        assertTrue(e.getMessage().contains("fleet.initialHolders"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> parse("server: {rate: -1}"));
        assertTrue(e.getMessage().contains("server.rate must be a finite number >= 0, got -1.0"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> parse("mobility: {model: teleport}"));
        assertTrue(e.getMessage().contains("mobility.model must be one of random-walk, random-waypoint"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> parse("fleet: {devices: many}"));
        assertTrue(e.getMessage().contains("fleet.devices must be an integer"), e.getMessage());
        e = assertThrows(InvalidInputException.class,
                () -> parse("fleet: {bandwidthClasses: [{share: 0.5, bytesPerSecond: 10}]}"));
        assertTrue(e.getMessage().contains("shares must sum to 1"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> parse("mobility: {model: trace}"));
        assertTrue(e.getMessage().contains("mobility.trace"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> parse("release: {sizeBytes: 3, pieces: 4}"));
        assertTrue(e.getMessage().contains("release.pieces"), e.getMessage());
    }

    @Test
    void everyExampleScenarioReads() throws Exception {
        Path examples = Path.of(System.getProperty("user.dir")).getParent().resolve("examples");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(examples), "examples/ not found");
        try (var files = java.nio.file.Files.list(examples)) {
            // sweep-*.yaml are sweep files (docs/SWEEPS.md), read by SweepReader (cli's SweepCommandTest)
            List<Path> yaml = files.filter(f -> f.toString().endsWith(".yaml"))
                    .filter(f -> !f.getFileName().toString().startsWith("sweep-")).toList();
            assertTrue(yaml.size() >= 4, "examples: " + yaml);
            for (Path f : yaml) {
                Scenario sc = ScenarioReader.read(f);
                assertTrue(sc.fleet().devices() >= 1, f.toString());
            }
        }
    }

    @Test
    void everyKeyIsDocumented() throws Exception {
        Path doc = Path.of(System.getProperty("user.dir")).getParent().resolve("docs/SCENARIO.md");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(doc), "docs/SCENARIO.md not found");
        String text = java.nio.file.Files.readString(doc);
        for (String key : ScenarioReader.keys()) {
            String leaf = key.contains(".") ? key.substring(key.indexOf('.') + 1) : key;
            assertTrue(text.contains("`" + leaf + "`"), () -> key + " is not documented in docs/SCENARIO.md");
        }
    }
}
