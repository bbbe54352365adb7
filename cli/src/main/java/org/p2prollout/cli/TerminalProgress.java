package org.p2prollout.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.p2prollout.core.ProgressListener;

/**
 * A progress bar on stderr when stderr is a terminal, silent otherwise (redirected output,
 * CI, {@code --json} pipelines). One bar per label; a new label closes the previous bar.
 */
public final class TerminalProgress implements ProgressListener, AutoCloseable {
    private final boolean enabled;
    private ProgressBar bar;
    private String label;

    private TerminalProgress(boolean enabled) {
        this.enabled = enabled;
    }

    /** A progress bar when this process runs on a terminal, otherwise a listener that ignores all. */
    public static TerminalProgress forTerminal() {
        return new TerminalProgress(System.console() != null && System.getenv("CI") == null);
    }

    /** A listener that shows nothing. */
    public static TerminalProgress quiet() {
        return new TerminalProgress(false);
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
                            new me.tongfei.progressbar.ConsoleProgressBarConsumer(new PrintStream(System.err, true)))
                    .setUpdateIntervalMillis(200).build();
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
