package org.p2prollout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RatesCommandTest {
    @TempDir
    Path dir;

    /** Pair 1-2 meets four times in [0, 1000]; 3 never meets anyone. */
    private Path contacts() throws IOException {
        return Files.writeString(dir.resolve("c.csv"), "a,b,start,end\n1,2,0,10\n1,2,200,230\n1,2,500,500\n1,2,700,760\n1,3,990,1000\n");
    }

    @Test
    void jsonSummaryCarriesTheContractNamesAndMatchesSummaryJson() throws IOException {
        Path out = dir.resolve("out");
        RolloutTest.Run r = RolloutTest.run("rates", contacts().toString(), "--classes", "1", "--json", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = Json.mapper().readTree(r.out());
        for (String k : new String[] {"devices", "fixes", "droppedFixes", "contacts", "pairsWithContact", "pairsObserved", "meanRate",
            "classSizes", "classRates", "expFitShare", "meanContactDuration", "observedSeconds"}) {
            assertTrue(j.has(k), "summary lacks " + k);
        }
        assertEquals(3, j.get("devices").asInt());
        assertEquals(5, j.get("contacts").asInt());
        assertEquals(1000, j.get("observedSeconds").asDouble(), 0);
        // 5 contacts over 3 pairs x 1000 s.
        assertEquals(5 / 3000.0, j.get("meanRate").asDouble(), 1e-15);
        assertEquals((10 + 30 + 0 + 60 + 10) / 5.0, j.get("meanContactDuration").asDouble(), 1e-12);
        assertTrue(j.get("expFitShare").isNull());
        assertEquals("contacts-csv", j.get("format").asText());
        // stdout is summary.json plus the adequacy figures, which --out writes to adequacy.json
        assertEquals(j.get("adequacy"), Json.mapper().readTree(Files.readString(out.resolve("adequacy.json"))));
        ((com.fasterxml.jackson.databind.node.ObjectNode) j).remove("adequacy");
        assertEquals(j, Json.mapper().readTree(Files.readString(out.resolve("summary.json"))));
        for (String f : new String[] {"contacts.csv", "pairs.csv", "intercontact-ccdf.png", "adequacy.json"}) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        byte[] png = Files.readAllBytes(out.resolve("intercontact-ccdf.png"));
        assertEquals(0x89, png[0] & 0xff);
        assertEquals("PNG", new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(6, Files.readAllLines(out.resolve("contacts.csv")).size()); // header + 5
        assertEquals("a,b,contacts,observed_seconds,rate_per_second,inter_contacts,mean_inter_contact_seconds,ks_p_value,class_a,class_b",
                Files.readAllLines(out.resolve("pairs.csv")).get(0));
        try (var files = Files.list(out)) {
            assertEquals(6, files.count(), "no temporary files left behind (the CCDF chart is PNG and SVG)");
        }
        // contacts.csv reads back as the same contact list.
        RolloutTest.Run again = RolloutTest.run("rates", out.resolve("contacts.csv").toString(), "--classes", "1", "--json");
        assertEquals(5, Json.mapper().readTree(again.out()).get("contacts").asInt());
    }

    @Test
    void humanOutputSaysWhichFormatWasDetected() throws IOException {
        RolloutTest.Run r = RolloutTest.run("rates", contacts().toString(), "--classes", "2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("contacts-csv (detected from content)"), r.out());
        assertTrue(r.out().contains("mean rate"), r.out());
    }

    @Test
    void malformedLineIsExitTwoWithFileAndLine() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "1,2,0,10\n1,2,oops,20\n");
        RolloutTest.Run r = RolloutTest.run("rates", bad.toString());
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("bad.csv:2: expected start and end times"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        RolloutTest.Run lenient = RolloutTest.run("rates", bad.toString(), "--lenient", "--classes", "1", "--json");
        assertEquals(0, lenient.code(), lenient.err());
        assertEquals(1, Json.mapper().readTree(lenient.out()).get("malformedLines").asInt());
    }

    @Test
    void badParametersAndMissingFilesAreExitTwo() throws IOException {
        Path c = contacts();
        for (String[] args : new String[][] {{"rates", c.toString(), "--range", "-1"}, {"rates", c.toString(), "--classes", "9"},
            {"rates", c.toString(), "--format", "gpx"}, {"rates", dir.resolve("nope.csv").toString()},
            {"rates", c.toString(), "--from", "50", "--to", "10"}}) {
            RolloutTest.Run r = RolloutTest.run(args);
            assertEquals(ExitCodes.USAGE, r.code(), String.join(" ", args) + ": " + r.err());
            assertFalse(r.err().contains("internal error"), r.err());
        }
    }

    @Test
    void millisecondTimestampsAreExitTwoUnlessATimeUnitIsGiven() throws IOException {
        Path ms = Files.writeString(dir.resolve("ms.csv"),
                "a,b,start,end\n1,2,1211958000000,1211958010000\n1,2,1211958200000,1211958230000\n1,3,1211958990000,1211959000000\n");
        Path s = Files.writeString(dir.resolve("s.csv"),
                "a,b,start,end\n1,2,1211958000,1211958010\n1,2,1211958200,1211958230\n1,3,1211958990,1211959000\n");
        RolloutTest.Run r = RolloutTest.run("rates", ms.toString(), "--classes", "1");
        assertEquals(ExitCodes.USAGE, r.code(), r.err());
        assertTrue(r.err().contains(ms + ":4: timestamps look like milliseconds (e.g. 1211959000000); give --time-unit ms"
                + " (or --time-unit s to read them as seconds)"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        RolloutTest.Run converted = RolloutTest.run("rates", ms.toString(), "--classes", "1", "--time-unit", "ms", "--json");
        assertEquals(0, converted.code(), converted.err());
        RolloutTest.Run seconds = RolloutTest.run("rates", s.toString(), "--classes", "1", "--json");
        JsonNode jc = Json.mapper().readTree(converted.out());
        JsonNode js = Json.mapper().readTree(seconds.out());
        assertEquals("ms", jc.get("timeUnit").asText());
        assertEquals(js.get("meanRate").asDouble(), jc.get("meanRate").asDouble(), 0.0);
        assertEquals(3 / 3000.0, jc.get("meanRate").asDouble(), 1e-15);   // 3 contacts, 3 pairs, 1000 s
        assertEquals(1000, jc.get("observedSeconds").asDouble(), 0.0);
        RolloutTest.Run forced = RolloutTest.run("rates", ms.toString(), "--classes", "1", "--time-unit", "s", "--json");
        assertEquals(0, forced.code(), forced.err());
        assertEquals(1e6, Json.mapper().readTree(forced.out()).get("observedSeconds").asDouble(), 0.0);
        RolloutTest.Run bad = RolloutTest.run("rates", s.toString(), "--time-unit", "minutes");
        assertEquals(ExitCodes.USAGE, bad.code());
        assertTrue(bad.err().contains("--time-unit must be one of s, ms, us, got 'minutes'"), bad.err());
    }

    /** iMotes 1 and 2 record; 10, 11 and 12 are external devices they saw. */
    private Path sightings() throws IOException {
        return Files.writeString(dir.resolve("sightings.dat"),
                "1 2 0 100\n2 1 300 400\n1 10 0 10\n2 11 20 30\n1 12 40 50\n2 12 60 70\n1 10 900 1000\n");
    }

    @Test
    void seenOnlyDevicesAreWarnedAboutOnStderrAndInSummaryJson() throws IOException {
        Path out = dir.resolve("warned");
        RolloutTest.Run r = RolloutTest.run("rates", sightings().toString(), "--classes", "1", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().startsWith("rates: warning: 3 of the 5 devices (60 %) never record a contact themselves"), r.err());
        assertTrue(r.err().contains("--experiment-only"), r.err());
        JsonNode summary = Json.mapper().readTree(Files.readString(out.resolve("summary.json")));
        assertEquals(1, summary.get("warnings").size());
        // The file keeps the library's parameter names; the terminal names the command's options.
        String inFile = summary.get("warnings").get(0).asText();
        assertTrue(inFile.contains("'experimentOnly'") && inFile.contains("'devices' FILE|A..B"), inFile);
        assertEquals(r.err().strip().substring("rates: warning: ".length()),
                inFile.replace("'experimentOnly'", "--experiment-only").replace("'devices'", "--devices"));
        assertEquals(5, summary.get("devices").asInt());

        RolloutTest.Run kept = RolloutTest.run("rates", sightings().toString(), "--classes", "1", "--experiment-only", "--json");
        assertEquals(0, kept.code(), kept.err());
        assertEquals("", kept.err());
        JsonNode j = Json.mapper().readTree(kept.out());
        assertEquals(2, j.get("devices").asInt());
        assertEquals(3, j.get("devicesDropped").asInt());
        assertEquals(5, j.get("contactsDropped").asInt());
        assertEquals(2, j.get("contacts").asInt());
        assertEquals("experiment devices only", j.get("deviceFilter").asText());
        assertEquals(0, j.get("warnings").size());
        assertEquals(2 / 1000.0, j.get("meanRate").asDouble(), 1e-15);   // 2 contacts, 1 pair, 1000 s
        RolloutTest.Run human = RolloutTest.run("rates", sightings().toString(), "--classes", "1", "--devices", "1..2");
        assertEquals(0, human.code(), human.err());
        assertTrue(human.out().contains("2 kept (devices 1..2; 3 dropped, with 5 contacts)"), human.out());
        RolloutTest.Run both = RolloutTest.run("rates", sightings().toString(), "--devices", "1..2", "--experiment-only");
        assertEquals(ExitCodes.USAGE, both.code());
        assertTrue(both.err().contains("not both"), both.err());
    }

    @Test
    void helpStatesUnitsAndDefaults() {
        RolloutTest.Run r = RolloutTest.run("rates", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("metres") && r.out().contains("default 100") && r.out().contains("default 300"), r.out());
    }
}
