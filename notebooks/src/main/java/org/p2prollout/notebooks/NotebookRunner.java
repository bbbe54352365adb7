package org.p2prollout.notebooks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Runs a notebook (a {@code .jsh} file of JShell snippets) through the {@link JShell} API and
 * fails on the first broken cell. Plain {@code jshell file.jsh} is no test runner: it skips
 * rejected snippets and exits 0 when a snippet throws; here each snippet is checked for
 * rejection, unresolved references, error diagnostics and exceptions.
 *
 * <p>The snippets run in a separate JVM (JShell's default execution engine), so a notebook
 * cannot disturb the caller; it sees the given class path, the system properties
 * {@code java.awt.headless=true} and {@code rollout.sharedData} (when set), and two
 * predefined variables: {@code Path OUT}, its output folder
 * {@code <outputRoot>/<notebook name>/} (created before the first snippet), and
 * {@code NotebookOutput NB}, helpers that write CSV tables and PNG charts into it.
 */
public final class NotebookRunner {
    private final List<String> classPath;
    private final Path outputRoot;
    private final long timeoutSeconds;
    private final boolean passSharedData;

    /**
     * @param classPath      class path entries the notebook compiles and runs against
     * @param outputRoot     folder under which each notebook gets its own output folder
     * @param timeoutSeconds wall-clock budget per notebook, seconds, {@code >= 1}; a notebook
     *                       still running then is stopped and fails
     */
    public NotebookRunner(List<String> classPath, Path outputRoot, long timeoutSeconds) {
        this(classPath, outputRoot, timeoutSeconds, true);
    }

    private NotebookRunner(List<String> classPath, Path outputRoot, long timeoutSeconds, boolean passSharedData) {
        if (timeoutSeconds < 1) {
            throw new IllegalArgumentException("timeoutSeconds must be >= 1, got " + timeoutSeconds);
        }
        this.classPath = List.copyOf(classPath);
        this.outputRoot = outputRoot;
        this.timeoutSeconds = timeoutSeconds;
        this.passSharedData = passSharedData;
    }

    /** The same runner, but notebooks see no shared data folder (to exercise their fallbacks). */
    public NotebookRunner withoutSharedData() {
        return new NotebookRunner(classPath, outputRoot, timeoutSeconds, false);
    }

    /** The class path of this JVM ({@code java.class.path}), e.g. Surefire's test class path. */
    public static List<String> currentClassPath() {
        return List.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator));
    }

    /** The name of a notebook: its file name without {@code .jsh}. */
    public static String nameOf(Path notebook) {
        String file = notebook.getFileName().toString();
        return file.endsWith(".jsh") ? file.substring(0, file.length() - 4) : file;
    }

    /**
     * Runs every snippet of {@code notebook} in order and stops at the first failure.
     *
     * @return the outcome: success, or the failing snippet with the reason and the output so far
     */
    public NotebookResult run(Path notebook) throws IOException {
        String name = nameOf(notebook);
        Path out = outputRoot.resolve(name).toAbsolutePath();
        Files.createDirectories(out);
        String source = Files.readString(notebook, StandardCharsets.UTF_8);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream consoleStream = new PrintStream(console, true, StandardCharsets.UTF_8);
        List<String> vmOptions = new ArrayList<>(List.of("-Djava.awt.headless=true", "-Xmx2g"));
        String shared = System.getProperty("rollout.sharedData");
        if (shared != null && passSharedData) {
            vmOptions.add("-Drollout.sharedData=" + shared);
        }
        long started = System.nanoTime();
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "notebook-watchdog");
            t.setDaemon(true);
            return t;
        });
        AtomicBoolean timedOut = new AtomicBoolean();
        try (JShell shell = JShell.builder().out(consoleStream).err(consoleStream)
                .remoteVMOptions(vmOptions.toArray(String[]::new)).build()) {
            classPath.forEach(shell::addToClasspath);
            AtomicBoolean ended = new AtomicBoolean();
            shell.onShutdown(s -> ended.set(true));
            ScheduledFuture<?> stopper = watchdog.schedule(() -> {
                timedOut.set(true);
                shell.stop();
            }, timeoutSeconds, TimeUnit.SECONDS);
            List<String> snippets = new ArrayList<>(prelude(out));
            int preludeCount = snippets.size();
            snippets.addAll(split(shell, source));
            for (int i = 0; i < snippets.size(); i++) {
                String snippet = snippets.get(i);
                String failure;
                try {
                    failure = evaluate(shell, snippet);
                } catch (IllegalStateException closed) {
                    failure = "the notebook's JVM is gone: " + closed.getMessage();
                }
                if (failure == null && ended.get()) {
                    failure = "the notebook's JVM ended (System.exit or a crash) in this cell";
                }
                if (failure == null && timedOut.get()) {
                    failure = "stopped after the time budget of " + timeoutSeconds + " s";
                }
                if (failure != null) {
                    stopper.cancel(false);
                    int cell = i - preludeCount + 1;
                    return NotebookResult.failed(name, out, cell, snippet, failure,
                            console.toString(StandardCharsets.UTF_8), seconds(started));
                }
            }
            stopper.cancel(false);
            return NotebookResult.passed(name, out, snippets.size() - preludeCount,
                    console.toString(StandardCharsets.UTF_8), seconds(started));
        } finally {
            watchdog.shutdownNow();
        }
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }

    private static List<String> prelude(Path out) {
        String path = out.toString().replace("\\", "\\\\").replace("\"", "\\\"");
        return List.of(
                "import java.nio.file.*;",
                "import java.util.*;",
                "final Path OUT = Path.of(\"" + path + "\");",
                "final org.p2prollout.notebooks.NotebookOutput NB = new org.p2prollout.notebooks.NotebookOutput(OUT);");
    }

    /** Splits source into complete snippets the way the JShell tool does. */
    static List<String> split(JShell shell, String source) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        List<String> snippets = new ArrayList<>();
        String rest = source;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            if (!info.completeness().isComplete()) {
                // an unfinished last snippet: hand it over whole so that it is reported as rejected
                snippets.add(rest.strip());
                break;
            }
            snippets.add(info.source());
            rest = info.remaining();
        }
        return snippets;
    }

    /** Evaluates one snippet; returns why it failed, or null when it succeeded. */
    private static String evaluate(JShell shell, String snippet) {
        List<SnippetEvent> events = shell.eval(snippet);
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue; // a consequence for an earlier snippet (e.g. a redefinition), not this one
            }
            Snippet s = event.snippet();
            String errors = shell.diagnostics(s).filter(Diag::isError)
                    .map(d -> d.getMessage(Locale.ROOT)).collect(Collectors.joining("; "));
            if (!errors.isEmpty()) {
                return "compile error: " + errors;
            }
            if (event.status() == Snippet.Status.REJECTED) {
                return "rejected snippet (not valid Java)";
            }
            if (event.status() == Snippet.Status.RECOVERABLE_DEFINED
                    || event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                String missing = s instanceof jdk.jshell.DeclarationSnippet d
                        ? shell.unresolvedDependencies(d).collect(Collectors.joining(", ")) : "?";
                return "unresolved references: " + missing;
            }
            if (event.exception() != null) {
                return "exception: " + describe(event.exception());
            }
        }
        return null;
    }

    private static String describe(Throwable t) {
        String type = t instanceof EvalException e ? e.getExceptionClassName() : t.getClass().getName();
        StringBuilder text = new StringBuilder(type).append(": ").append(t.getMessage());
        for (StackTraceElement frame : t.getStackTrace()) {
            text.append("\n    at ").append(frame);
        }
        Throwable cause = t.getCause();
        if (cause != null && cause != t) {
            text.append("\ncaused by ").append(describe(cause));
        }
        return text.toString();
    }
}
