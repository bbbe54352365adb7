package org.p2prollout.solver.prism;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.p2prollout.solver.Generator;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.core.AtomicFile;

/**
 * PRISM's explicit model files, so chains can be cross-checked with PRISM or Storm:
 * <ul>
 * <li>{@code .tra}: header {@code "states transitions"}, then one line {@code "from to rate"} per
 * off-diagonal rate (per second), states numbered from 0;</li>
 * <li>{@code .sta}: header {@code (x,y)} naming the variables, then {@code i:(v1,v2)} per state;</li>
 * <li>{@code .lab}: header {@code 0="init" 1="deadlock"}, then {@code state: label label ...}.</li>
 * </ul>
 * Malformed lines throw {@link InvalidInputException} {@code file:line: what was expected}.
 * Writers go through {@link AtomicFile} and write rates with full precision (round trip exact).
 */
public final class PrismExplicit {
    /**
     * Most states a {@code .tra} header may declare: 50 million (a generator of that size with a
     * few transitions per state already takes several GB; the solvers need a few vectors more).
     */
    public static final int MAX_STATES = 50_000_000;
    /** Fewest bytes a transition line takes ({@code "0 1 1\n"}): bounds the count a header may declare. */
    static final int MIN_TRANSITION_BYTES = 6;

    private PrismExplicit() {
    }

    /**
     * Bounds the sizes a {@code .tra} header declares before anything is allocated: at most
     * {@link #MAX_STATES} states, no more transitions than lines of {@value #MIN_TRANSITION_BYTES}
     * bytes fit in the file, and an estimated footprint (about 40 bytes per state and 32 per
     * transition while building) within the JVM's maximum heap.
     */
    static void checkDeclaredSizes(String file, long fileBytes, long states, long transitions, long maxHeap) {
        if (states < 1 || states > MAX_STATES) {
            throw InvalidInputException.atLine(file, 1, "the header declares " + states + " states; allowed 1 to "
                    + MAX_STATES);
        }
        long fit = Math.min(fileBytes / MIN_TRANSITION_BYTES + 1, Integer.MAX_VALUE - 8);
        if (transitions < 0 || transitions > fit) {
            throw InvalidInputException.atLine(file, 1, "the header declares " + transitions
                    + " transitions; a file of " + fileBytes + " bytes holds at most " + fit
                    + " lines 'from to rate' (allowed 0 to " + fit + ")");
        }
        double need = 40.0 * states + 32.0 * transitions;
        if (need > maxHeap) {
            throw InvalidInputException.atLine(file, 1, String.format(java.util.Locale.ROOT,
                    "the header declares %d states and %d transitions, about %.1f GB to hold; the JVM may use %.1f GB"
                            + " (raise it with ROLLOUT_JAVA_OPTS=-Xmx...)", states, transitions, need / 1e9, maxHeap / 1e9));
        }
    }

    /**
     * A line reader for PRISM's ASCII files: bytes are decoded one to one (ISO-8859-1) so that a
     * stray byte is reported with its line and column by {@link #ascii} instead of failing the
     * decoder with no position.
     */
    private static BufferedReader open(Path p) throws IOException {
        return Files.newBufferedReader(p, StandardCharsets.ISO_8859_1);
    }

    /** {@code s} unchanged if it is printable ASCII (tabs allowed); else file:line: the byte and where. */
    private static String ascii(String s, String file, long line) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t') || c > 0x7e) {
                String hint = line == 1 && i == 0 && c == 0xef ? " (a UTF-8 byte-order mark: save the file as plain ASCII)" : "";
                throw InvalidInputException.atLine(file, line, String.format(java.util.Locale.ROOT,
                        "byte 0x%02X at column %d; PRISM explicit files are printable ASCII%s", (int) c, i + 1, hint));
            }
        }
        return s;
    }

    /** Reads a {@code .tra} file into a generator. */
    public static Generator readTransitions(Path tra) throws IOException {
        String file = tra.toString();
        try (BufferedReader in = open(tra)) {
            String header = in.readLine();
            if (header == null) {
                throw InvalidInputException.atLine(file, 1, "expected header 'states transitions', got an empty file");
            }
            ascii(header, file, 1);
            String[] h = fields(header);
            if (h.length != 2) {
                throw InvalidInputException.atLine(file, 1, "expected header 'states transitions' (a CTMC), got '"
                        + header.strip() + "'");
            }
            long declared = parseLong(h[0], file, 1, "number of states");
            long transitions = parseLong(h[1], file, 1, "number of transitions");
            checkDeclaredSizes(file, Files.size(tra), declared, transitions, Runtime.getRuntime().maxMemory());
            int states = (int) declared;
            Generator.Builder b = Generator.builder(states, (int) transitions);
            long line = 1;
            long count = 0;
            String s;
            while ((s = in.readLine()) != null) {
                line++;
                ascii(s, file, line);
                if (s.isBlank()) {
                    continue;
                }
                String[] f = fields(s);
                if (f.length != 3) {
                    throw InvalidInputException.atLine(file, line, "expected 3 fields 'from to rate', got " + f.length);
                }
                int from = parseInt(f[0], file, line, "source state");
                int to = parseInt(f[1], file, line, "target state");
                double rate = parseDouble(f[2], file, line, "rate");
                try {
                    b.add(from, to, rate);
                } catch (InvalidInputException e) {
                    throw InvalidInputException.atLine(file, line, e.getMessage());
                }
                count++;
            }
            if (count != transitions) {
                throw InvalidInputException.atLine(file, line, "header announced " + transitions
                        + " transitions, the file has " + count);
            }
            return b.build();
        }
    }

    /** Writes {@code q} as a {@code .tra} file. */
    public static void writeTransitions(Path tra, Generator q) throws IOException {
        AtomicFile.writeText(tra, w -> {
            w.write(q.states() + " " + q.transitions() + "\n");
            StringBuilder b = new StringBuilder(64);
            for (int s = 0; s < q.states(); s++) {
                for (int k = q.rowStart(s); k < q.rowEnd(s); k++) {
                    b.setLength(0);
                    b.append(s).append(' ').append(q.column(k)).append(' ').append(q.rate(k)).append('\n');
                    w.append(b);
                }
            }
        });
    }

    /** Reads a {@code .sta} file; {@code bool} variables become 0/1. */
    public static StateVariables readStates(Path sta) throws IOException {
        String file = sta.toString();
        List<String> lines = Files.readAllLines(sta, StandardCharsets.ISO_8859_1);
        for (int i = 0; i < lines.size(); i++) {
            ascii(lines.get(i), file, i + 1);
        }
        if (lines.isEmpty() || !lines.get(0).strip().startsWith("(") || !lines.get(0).strip().endsWith(")")) {
            throw InvalidInputException.atLine(file, 1, "expected header '(x,y,...)' naming the state variables");
        }
        String head = lines.get(0).strip();
        List<String> names = List.of(head.substring(1, head.length() - 1).split(",", -1));
        for (String name : names) {
            if (!name.strip().matches("[A-Za-z_][A-Za-z_0-9]*")) {
                throw InvalidInputException.atLine(file, 1, "expected variable names in '(x,y,...)', got '" + name + "'");
            }
        }
        int v = names.size();
        List<int[]> rows = new ArrayList<>();
        boolean[] bool = new boolean[v];
        boolean[] integer = new boolean[v];
        for (int i = 1; i < lines.size(); i++) {
            String s = lines.get(i).strip();
            if (s.isEmpty()) {
                continue;
            }
            int colon = s.indexOf(':');
            if (colon < 0 || !s.endsWith(")") || s.indexOf('(') != colon + 1) {
                throw InvalidInputException.atLine(file, i + 1, "expected 'index:(v1,...,v" + v + ")', got '" + s + "'");
            }
            int index = parseInt(s.substring(0, colon), file, i + 1, "state index");
            if (index != rows.size()) {
                throw InvalidInputException.atLine(file, i + 1, "expected state index " + rows.size() + " (states in order from 0), got " + index);
            }
            String[] vals = s.substring(colon + 2, s.length() - 1).split(",", -1);
            if (vals.length != v) {
                throw InvalidInputException.atLine(file, i + 1, "expected " + v + " values, got " + vals.length);
            }
            int[] row = new int[v];
            for (int j = 0; j < v; j++) {
                String x = vals[j].strip();
                if (x.equals("true") || x.equals("false")) {
                    bool[j] = true;
                    row[j] = x.equals("true") ? 1 : 0;
                } else {
                    integer[j] = true;
                    row[j] = parseInt(x, file, i + 1, "integer or boolean value of " + names.get(j).strip());
                }
                if (bool[j] && integer[j]) {
                    throw InvalidInputException.atLine(file, i + 1, "variable " + names.get(j).strip()
                            + " mixes integer and boolean values");
                }
            }
            rows.add(row);
        }
        int[][] values = new int[v][rows.size()];
        for (int s = 0; s < rows.size(); s++) {
            for (int j = 0; j < v; j++) {
                values[j][s] = rows.get(s)[j];
            }
        }
        return new StateVariables(names.stream().map(String::strip).toList(), bool, values);
    }

    public static void writeStates(Path sta, StateVariables vars) throws IOException {
        AtomicFile.writeText(sta, w -> {
            w.write("(" + String.join(",", vars.names()) + ")\n");
            for (int s = 0; s < vars.states(); s++) {
                w.write(s + ":" + vars.format(s) + "\n");
            }
        });
    }

    /** Reads a {@code .lab} file for a model with {@code states} states. */
    public static Labels readLabels(Path lab, int states) throws IOException {
        String file = lab.toString();
        try (BufferedReader in = open(lab)) {
            String header = in.readLine();
            if (header == null) {
                throw InvalidInputException.atLine(file, 1, "expected header like '0=\"init\" 1=\"deadlock\"', got an empty file");
            }
            ascii(header, file, 1);
            List<String> names = new ArrayList<>();
            for (String item : fields(header)) {
                int eq = item.indexOf('=');
                if (eq < 0 || !item.endsWith("\"") || item.charAt(eq + 1) != '"' || item.length() < eq + 3) {
                    throw InvalidInputException.atLine(file, 1, "expected 'index=\"name\"', got '" + item + "'");
                }
                int index = parseInt(item.substring(0, eq), file, 1, "label index");
                if (index != names.size()) {
                    throw InvalidInputException.atLine(file, 1, "expected label index " + names.size() + ", got " + index);
                }
                names.add(item.substring(eq + 2, item.length() - 1));
            }
            BitSet[] sets = new BitSet[names.size()];
            for (int i = 0; i < sets.length; i++) {
                sets[i] = new BitSet();
            }
            long line = 1;
            String s;
            while ((s = in.readLine()) != null) {
                line++;
                ascii(s, file, line);
                if (s.isBlank()) {
                    continue;
                }
                int colon = s.indexOf(':');
                if (colon < 0) {
                    throw InvalidInputException.atLine(file, line, "expected 'state: label ...', got '" + s.strip() + "'");
                }
                int state = parseInt(s.substring(0, colon), file, line, "state");
                if (state < 0 || state >= states) {
                    throw InvalidInputException.atLine(file, line, "expected a state in [0, " + (states - 1) + "], got " + state);
                }
                for (String f : fields(s.substring(colon + 1))) {
                    int label = parseInt(f, file, line, "label index");
                    if (label < 0 || label >= names.size()) {
                        throw InvalidInputException.atLine(file, line, "expected a label index in [0, "
                                + (names.size() - 1) + "], got " + label);
                    }
                    sets[label].set(state);
                }
            }
            Map<String, BitSet> map = new LinkedHashMap<>();
            for (int i = 0; i < sets.length; i++) {
                map.put(names.get(i), sets[i]);
            }
            return new Labels(map, states);
        }
    }

    public static void writeLabels(Path lab, Labels labels) throws IOException {
        AtomicFile.writeText(lab, w -> {
            List<String> names = labels.names();
            StringBuilder h = new StringBuilder();
            for (int i = 0; i < names.size(); i++) {
                h.append(i > 0 ? " " : "").append(i).append("=\"").append(names.get(i)).append('"');
            }
            w.write(h + "\n");
            for (int s = 0; s < labels.states(); s++) {
                StringBuilder b = null;
                for (int i = 0; i < names.size(); i++) {
                    if (labels.holds(names.get(i), s)) {
                        if (b == null) {
                            b = new StringBuilder().append(s).append(':');
                        }
                        b.append(' ').append(i);
                    }
                }
                if (b != null) {
                    w.write(b.append('\n').toString());
                }
            }
        });
    }

    /**
     * The initial distribution of a model with {@code states} states: uniform over the states
     * labelled {@code init} in the {@code .lab} file next to {@code tra} (same name, extension
     * .lab) when there is one with that label, else state 0.
     */
    public static double[] initialDistribution(Path tra, int states) throws IOException {
        double[] initial = new double[states];
        Path lab = sibling(tra, ".lab");
        if (Files.exists(lab)) {
            int[] init = readLabels(lab, states).statesWith("init");
            if (init.length > 0) {
                for (int s : init) {
                    initial[s] = 1.0 / init.length;
                }
                return initial;
            }
        }
        initial[0] = 1;
        return initial;
    }

    /** {@code model.tra} → {@code model.lab} (or another extension). */
    public static Path sibling(Path tra, String extension) {
        String name = tra.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return tra.resolveSibling(base + extension);
    }

    private static String[] fields(String s) {
        String t = s.strip();
        return t.isEmpty() ? new String[0] : t.split("\\s+");
    }

    private static int parseInt(String s, String file, long line, String what) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw InvalidInputException.atLine(file, line, "expected " + what + " as an integer, got '" + s.strip() + "'");
        }
    }

    private static long parseLong(String s, String file, long line, String what) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            throw InvalidInputException.atLine(file, line, "expected " + what + " as an integer, got '" + s.strip() + "'");
        }
    }

    private static double parseDouble(String s, String file, long line, String what) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw InvalidInputException.atLine(file, line, "expected " + what + " as a number, got '" + s + "'");
        }
    }
}
