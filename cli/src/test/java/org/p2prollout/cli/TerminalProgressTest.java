package org.p2prollout.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Whether stderr is a terminal is decided by where file descriptor 2 points, not by
 * System.console() (which is null as soon as stdout is redirected, issue 14).
 */
class TerminalProgressTest {
    @Test
    void terminalsArePseudoTerminalsAndTtys() {
        assertTrue(TerminalProgress.isTerminalDevice("/dev/pts/3"));
        assertTrue(TerminalProgress.isTerminalDevice("/dev/tty1"));
        assertFalse(TerminalProgress.isTerminalDevice("pipe:[48213]"));
        assertFalse(TerminalProgress.isTerminalDevice("/tmp/rollout.err"));
        assertFalse(TerminalProgress.isTerminalDevice("/dev/null"));
    }

    @Test
    void theTestJvmsStderrIsAPipeSoNoBar() {
        // surefire forks the JVM with stderr on a pipe: like `2> file`, no progress bar
        assertFalse(TerminalProgress.stderrIsTerminal());
    }
}
