package org.p2prollout.notebooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import jdk.jshell.JShell;
import org.p2prollout.core.AtomicFile;

/**
 * The Jupyter route for the same notebooks (../shared/docs/NOTEBOOKS.md, route B): a {@code .jsh}
 * notebook becomes an {@code .ipynb} (its leading comment a Markdown cell, a set-up cell with the
 * class path magics and {@code OUT}/{@code NB}, then one code cell per snippet) that runs on the
 * rapaio Java kernel ({@code io.github.padreati:rapaio-jupyter-kernel:3.0.1}), headless, under
 * {@code notebooks/relaunching_kernel.py} (jupyter_client and nbclient). A cell that throws or does
 * not compile fails the run. Kernel launches that never answer kernel_info (about one in three on
 * these machines) are shut down after 30 s, then 60, 90 and 120 s (a loaded machine starts the
 * kernel slowly) and relaunched on fresh ports, up to {@link #LAUNCHES} launches per notebook.
 */
public final class Ipynb {
    /** The kernel name of the kernelspec this class writes. */
    public static final String KERNEL = "p2p-rollout-java";
    /** Kernel launches per notebook: with about one launch in three silent, four leave about 1 %. */
    static final int LAUNCHES = 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Ipynb() {
    }

    /** The rapaio kernel jar in the local Maven repository, when it was fetched there. */
    public static Optional<Path> kernelJar() {
        Path jar = Path.of(System.getProperty("user.home"), ".m2", "repository", "io", "github", "padreati",
                "rapaio-jupyter-kernel", "3.0.1", "rapaio-jupyter-kernel-3.0.1.jar");
        return Files.isRegularFile(jar) ? Optional.of(jar) : Optional.empty();
    }

    /** The {@code jupyter} command, when installed. */
    public static Optional<Path> jupyter() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir, "jupyter");
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * The notebook as nbformat 4 JSON.
     *
     * @param classPath class path entries the kernel gets (jars by {@code %jar}, folders by {@code %classpath})
     * @param out       the notebook's output folder ({@code OUT})
     */
    public static String export(String jshSource, List<String> classPath, Path out) {
        return export(jshSource, classPath, out, null);
    }

    /**
     * The notebook as nbformat 4.5 JSON (every cell has an id) with the class path and {@code OUT}
     * relative to {@code notebookDir}, the kernel's working folder (nbconvert and Jupyter start
     * the kernel in the notebook's folder): the file names no absolute path of the machine that
     * exported it.
     *
     * @param notebookDir the folder the .ipynb is written to, or null to keep the paths as given
     */
    public static String export(String jshSource, List<String> classPath, Path out, Path notebookDir) {
        java.util.function.UnaryOperator<String> rel = p -> {
            if (notebookDir == null) {
                return p;
            }
            Path abs = Path.of(p).toAbsolutePath().normalize();
            Path base = notebookDir.toAbsolutePath().normalize();
            return abs.getRoot() != null && abs.getRoot().equals(base.getRoot())
                    ? base.relativize(abs).toString().replace('\\', '/') : p;
        };
        ObjectNode nb = JSON.createObjectNode();
        ArrayNode cells = nb.putArray("cells");
        StringBuilder intro = new StringBuilder();
        for (String line : jshSource.lines().toList()) {
            if (!line.startsWith("//")) {
                break;
            }
            intro.append(line.substring(2).strip()).append('\n');
        }
        if (intro.length() > 0) {
            ObjectNode md = cells.addObject();
            md.put("id", "cell-0");
            md.put("cell_type", "markdown");
            md.putObject("metadata");
            md.put("source", intro.toString().strip());
        }
        StringBuilder setup = new StringBuilder();
        for (String entry : classPath) {
            setup.append(Files.isDirectory(Path.of(entry)) ? "%classpath " : "%jar ").append(rel.apply(entry)).append('\n');
        }
        code(cells, setup.toString().strip());
        String path = (notebookDir == null ? out.toAbsolutePath().toString() : rel.apply(out.toString()))
                .replace("\\", "\\\\").replace("\"", "\\\"");
        String prelude = "import java.nio.file.*;\nimport java.util.*;\nfinal Path OUT = Path.of(\"" + path + "\");\n"
                + "final org.p2prollout.notebooks.NotebookOutput NB = new org.p2prollout.notebooks.NotebookOutput(OUT);";
        List<String> snippets;
        try (JShell analysis = JShell.builder().executionEngine("local").build()) {
            snippets = NotebookRunner.split(analysis, jshSource);
        }
        // the notebook's leading imports go before OUT and NB: in the kernel, a later wildcard import
        // re-resolves earlier declarations and resets variables such as NB to null
        int first = 0;
        StringBuilder imports = new StringBuilder();
        while (first < snippets.size() && withoutComments(snippets.get(first)).startsWith("import ")) {
            imports.append(withoutComments(snippets.get(first++))).append('\n');
        }
        code(cells, (imports + prelude).strip());
        for (String snippet : snippets.subList(first, snippets.size())) {
            code(cells, snippet.strip());
        }
        ObjectNode meta = nb.putObject("metadata");
        ObjectNode spec = meta.putObject("kernelspec");
        spec.put("name", KERNEL);
        spec.put("display_name", "Java (p2p-rollout)");
        spec.put("language", "java");
        meta.putObject("language_info").put("name", "java");
        nb.put("nbformat", 4);
        nb.put("nbformat_minor", 5);
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(nb);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The snippet without its leading {@code //} comment lines (the intro cell already shows them). */
    static String withoutComments(String snippet) {
        return snippet.strip().lines().dropWhile(l -> l.strip().startsWith("//"))
                .collect(java.util.stream.Collectors.joining("\n")).strip();
    }

    private static void code(ArrayNode cells, String source) {
        ObjectNode c = cells.addObject();
        // nbformat 4.5: a unique id per cell (stable across exports, so diffs stay small)
        c.put("id", "cell-" + (cells.size() - 1));
        c.put("cell_type", "code");
        c.putObject("metadata");
        c.putNull("execution_count");
        c.putArray("outputs");
        c.put("source", source);
    }

    /**
     * Writes the kernelspec under {@code jupyterPath/kernels/p2p-rollout-java/} (point
     * {@code JUPYTER_PATH} at {@code jupyterPath}).
     */
    public static void writeKernelspec(Path jupyterPath, Path kernelJar) throws IOException {
        writeKernelspec(jupyterPath, kernelArgv(kernelJar));
    }

    /**
     * The command that starts the rapaio kernel with this JVM's java ({@code {connection_file}} last,
     * as Jupyter substitutes it).
     */
    public static List<String> kernelArgv(Path kernelJar) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-ea", "-jar", kernelJar.toAbsolutePath().toString(), "{connection_file}");
    }

    /**
     * Writes the kernelspec {@code p2p-rollout-java} starting the kernel with {@code argv} (a test
     * wraps the real command to make a launch stall).
     */
    public static void writeKernelspec(Path jupyterPath, List<String> argv) throws IOException {
        ObjectNode k = JSON.createObjectNode();
        ArrayNode a = k.putArray("argv");
        argv.forEach(a::add);
        k.put("display_name", "Java (p2p-rollout)");
        k.put("language", "java");
        k.put("interrupt_mode", "message");
        AtomicFile.writeString(jupyterPath.resolve("kernels").resolve(KERNEL).resolve("kernel.json"),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(k));
    }

    /**
     * A {@code python3} that can run {@code relaunching_kernel.py}: it needs nbformat, jupyter_client
     * and nbclient (Debian: python3-nbformat, python3-jupyter-client, python3-nbclient, all pulled in
     * by jupyter-nbconvert). The {@code python3} on PATH is tried first, then {@code /usr/bin/python3},
     * because the one on PATH may be a private one (pyenv) without Debian's Jupyter modules.
     *
     * @param why receives, when none fits, what each candidate lacks (the missing module's name)
     */
    public static Optional<String> python(StringBuilder why) {
        for (String candidate : List.of("python3", "/usr/bin/python3")) {
            try {
                Process probe = new ProcessBuilder(candidate, "-c", "import nbformat, jupyter_client, nbclient")
                        .redirectErrorStream(true).start();
                String out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                if (probe.waitFor() == 0) {
                    return Optional.of(candidate);
                }
                why.append(candidate).append(": ").append(out.lines().reduce((a, b) -> b).orElse("")).append("; ");
            } catch (IOException e) {
                why.append(candidate).append(": not installed; ");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                why.append(candidate).append(": interrupted; ");
                break;
            }
        }
        return Optional.empty();
    }

    /**
     * The outcome of executing a notebook.
     *
     * @param passed   every cell ran (the driver exited 0)
     * @param launches kernel launches it took (1 when the first kernel answered)
     * @param log      the driver's and the kernel's output
     */
    public record Execution(boolean passed, int launches, String log) {
    }

    /** The driver's "launch K of N" lines: the last one says how many launches it took. */
    private static final java.util.regex.Pattern LAUNCH = java.util.regex.Pattern.compile("launch (\\d+) of \\d+");

    /**
     * Executes {@code notebook} headlessly with {@code relaunching_kernel.py}, writing the executed
     * copy to {@code executed}, with the first kernel launch given 30 s to answer.
     *
     * @see #execute(String, Path, Path, Path, Path, int, int)
     */
    public static Execution execute(String python, Path driver, Path jupyterPath, Path notebook, Path executed,
            int timeoutSeconds) throws IOException, InterruptedException {
        return execute(python, driver, jupyterPath, notebook, executed, timeoutSeconds, startupSeconds(1));
    }

    /**
     * Executes {@code notebook} headlessly with {@code relaunching_kernel.py} (in this module's
     * folder), writing the executed copy to {@code executed}. The driver, not nbconvert, because
     * about one launch in three of the rapaio kernel never answers kernel_info and that kernel never
     * answers a second connection with the same session: nbconvert's retry cannot help, a new
     * launch on fresh ports does (up to {@link #LAUNCHES}, waiting 30, 60, 90, 120 s). A cell that
     * throws or does not compile fails the execution; it is not relaunched.
     *
     * @param python           a python3 from {@link #python(StringBuilder)}
     * @param timeoutSeconds   per cell; the whole run is stopped after the launches' waits plus five times that
     * @param firstWaitSeconds how long the first launch gets to answer (tests shorten it)
     */
    public static Execution execute(String python, Path driver, Path jupyterPath, Path notebook, Path executed,
            int timeoutSeconds, int firstWaitSeconds) throws IOException, InterruptedException {
        Path logFile = Files.createTempFile(executed.toAbsolutePath().getParent(), "relaunching_kernel", ".log");
        ProcessBuilder pb = new ProcessBuilder(List.of(python, driver.toAbsolutePath().toString(),
                "--timeout", Integer.toString(timeoutSeconds), "--first-wait", Integer.toString(firstWaitSeconds),
                "--launches", Integer.toString(LAUNCHES),
                notebook.toAbsolutePath().toString(), executed.toAbsolutePath().toString()))
                .redirectErrorStream(true).redirectOutput(logFile.toFile());
        pb.environment().put("JUPYTER_PATH", jupyterPath.toAbsolutePath().toString());
        Process p = pb.start();
        long waits = firstWaitSeconds;
        for (int launch = 2; launch <= LAUNCHES; launch++) {
            waits += startupSeconds(launch);
        }
        boolean finished = p.waitFor(waits + 5L * timeoutSeconds, TimeUnit.SECONDS);
        if (!finished) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor();
        }
        String log = Files.readString(logFile, StandardCharsets.UTF_8);
        Files.deleteIfExists(logFile);
        int launches = 0;
        java.util.regex.Matcher m = LAUNCH.matcher(log);
        while (m.find()) {
            launches = Integer.parseInt(m.group(1));
        }
        if (!finished) {
            log += String.format(java.util.Locale.ROOT, "%nstopped after %d s%n", waits + 5L * timeoutSeconds);
        }
        return new Execution(finished && p.exitValue() == 0, launches, log);
    }

    /** Seconds the driver waits for the kernel to answer on launch {@code launch} (1-based): 30, 60, 90, 120. */
    static int startupSeconds(int launch) {
        return Math.min(120, 30 * launch);
    }

    /**
     * Exports every notebook given on the command line: {@code Ipynb OUTDIR NOTEBOOK.jsh...} (class
     * path of this JVM, paths relative to OUTDIR), and the kernelspec under {@code OUTDIR/jupyter}
     * when the rapaio kernel jar is in ~/.m2 (used by {@code notebooks/jupyter.sh}).
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        if (kernelJar().isPresent()) {
            writeKernelspec(dir.resolve("jupyter"), kernelJar().orElseThrow());
        }
        List<String> cp = new ArrayList<>(NotebookRunner.currentClassPath());
        for (int i = 1; i < args.length; i++) {
            Path jsh = Path.of(args[i]);
            String name = NotebookRunner.nameOf(jsh);
            AtomicFile.writeString(dir.resolve(name + ".ipynb"),
                    export(Files.readString(jsh), cp, dir.resolve("output").resolve(name), dir));
        }
    }
}
