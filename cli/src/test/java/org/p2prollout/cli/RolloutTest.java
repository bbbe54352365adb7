package org.p2prollout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class RolloutTest {
    record Run(int code, String out, String err) { }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Rollout.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void helpListsEveryCommandOfTheProductBrief() {
        Run r = run("--help");
        assertEquals(0, r.code());
        for (String c : new String[] {"demo", "rates", "predict", "steady", "plan", "solve", "simulate", "validate"}) {
            assertTrue(r.out().contains("  " + c + " "), () -> "help lacks " + c + ":\n" + r.out());
        }
    }

    @Test
    void versionNamesTheTool() {
        Run r = run("--version");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("rollout "), r.out());
    }

    @Test
    void unknownOptionIsAUsageErrorOnOneLine() {
        Run r = run("--frobnicate");
        assertEquals(ExitCodes.USAGE, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(r.err().contains("at org."), "no stack trace");
    }

    @Test
    void missingCommandIsAUsageError() {
        Run r = run();
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("a command is required"), r.err());
    }
}
