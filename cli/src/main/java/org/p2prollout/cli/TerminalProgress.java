package org.p2prollout.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.p2prollout.core.ProgressListener;

/**
 * A progress bar on stderr whenever stderr is a terminal, whatever stdout is ({@code --json > f}
 * still shows the bar; the JSON goes to the file), silent otherwise (stderr redirected, CI). One bar
 * per label; a new label closes the previous bar. The bar is redrawn on a timer, so its elapsed
 * clock and ETA move between steps of slow work.
 */
public final class TerminalProgress implements ProgressListener, AutoCloseable {
    private final boolean enabled;
    private ProgressBar bar;
    private String label;

    private TerminalProgress(boolean enabled) {
        this.enabled = enabled;
    }

    /** A progress bar when stderr is a terminal (and {@code CI} is not set), otherwise a listener that ignores all. */
    public static TerminalProgress forTerminal() {
        return new TerminalProgress(System.getenv("CI") == null && stderrIsTerminal());
    }

    /** A listener that shows nothing. */
    public static TerminalProgress quiet() {
        return new TerminalProgress(false);
    }

    /**
     * Whether file descriptor 2 is a terminal, as {@code test -t 2}. {@link System#console()} answers
     * for stdin and stdout together (null as soon as stdout is redirected), so on Linux we read where
     * {@code /proc/self/fd/2} points; elsewhere the console is the best the JDK offers.
     */
    static boolean stderrIsTerminal() {
        Path fd2 = Path.of("/proc/self/fd/2");
        try {
            if (Files.isSymbolicLink(fd2)) {
                return isTerminalDevice(Files.readSymbolicLink(fd2).toString());
            }
        } catch (java.io.IOException | SecurityException | UnsupportedOperationException e) {
            // fall through to the console check
        }
        return System.console() != null;
    }

    /** Whether a device path names a terminal: a pseudo-terminal ({@code /dev/pts/N}) or a tty/console. */
    static boolean isTerminalDevice(String target) {
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
    }

    @Override
    public synchronized void progress(long done, long total, String what) {
        if (!enabled) {
            return;
        }
        if (bar == null || !what.equals(label)) {
            close();
            label = what;
            bar = new ProgressBarBuilder().setTaskName(what).setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII).setConsumer(
                            new ConsoleProgressBarConsumer(new PrintStream(System.err, true)))
                    .setUpdateIntervalMillis(500).continuousUpdate().build();
        }
        if (total >= 0 && bar.getMax() != total) {
            bar.maxHint(total);
        }
        bar.stepTo(done);
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
