package org.p2prollout.model.trace;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.p2prollout.core.InvalidInputException;

/**
 * Which devices of a contact list are the experiment's own ({@code --devices},
 * {@code --experiment-only}); contacts involving any other device are dropped and counted.
 *
 * <p>Why: in Bluetooth experiments (Haggle/Infocom, MIT Reality style) the experiment's devices
 * (iMotes, phones) log sightings of each other and of external devices that never log anything
 * themselves. Counted as fleet members, the external devices make the fleet many times larger
 * and its pair rates many times smaller than those of the devices that were actually studied.
 *
 * <ul>
 * <li>{@link Listed}: exactly the names given (a file, one name per line);</li>
 * <li>{@link Range}: devices whose names are integers in {@code [from, to]} ({@code 1..41});</li>
 * <li>{@link ExperimentOnly}: devices that appear as the observer of at least one record, i.e.
 *     that themselves recorded something. The observer is the first device field of a directed
 *     contact list: field a of {@code contacts-table} (per {@code --columns}) and of
 *     {@code contacts-csv}. {@code one-connections} events are undirected (the ONE simulator
 *     reports a connection of a and b, not who saw whom), so the rule is refused there, and so it
 *     is for a CSV or table in which every record has a before b in name order (an undirected
 *     list such as the {@code contacts.csv} that {@code rollout rates} writes: there the rule
 *     would only drop the devices that happen to sort last).</li>
 * </ul>
 */
public sealed interface DeviceFilter permits DeviceFilter.Listed, DeviceFilter.Range, DeviceFilter.ExperimentOnly {
    /** Whether device {@code name} is kept; {@code observer} says whether it recorded any record. */
    boolean keeps(String name, boolean observer);

    /**
     * A short description for summaries, in the library's words, e.g. {@code "devices 1..41"} or
     * {@code "experiment devices only"}.
     */
    String describe();

    /** The devices named in a list (a copy is kept; at least one name). */
    record Listed(Set<String> names, String source) implements DeviceFilter {
        public Listed {
            if (names == null || names.isEmpty()) {
                throw new InvalidInputException("'devices' " + source + ": the list names no device");
            }
            names = Set.copyOf(names);
        }

        @Override
        public boolean keeps(String name, boolean observer) {
            return names.contains(name);
        }

        @Override
        public String describe() {
            return "devices listed in " + source + " (" + names.size() + " names)";
        }
    }

    /** Devices with integer names in {@code [from, to]}; other names are dropped. */
    record Range(long from, long to) implements DeviceFilter {
        public Range {
            if (from > to) {
                throw new InvalidInputException("'devices' range must be A..B with integers A <= B, got " + from + ".." + to);
            }
        }

        @Override
        public boolean keeps(String name, boolean observer) {
            if (name.isEmpty() || name.length() > 18) {
                return false;
            }
            for (int i = name.charAt(0) == '-' ? 1 : 0; i < name.length(); i++) {
                if (name.charAt(i) < '0' || name.charAt(i) > '9') {
                    return false;
                }
            }
            if (name.equals("-")) {
                return false;
            }
            long v = Long.parseLong(name);
            return v >= from && v <= to;
        }

        @Override
        public String describe() {
            return "devices " + from + ".." + to;
        }
    }

    /** The devices that recorded at least one record themselves (see the interface). */
    record ExperimentOnly() implements DeviceFilter {
        @Override
        public boolean keeps(String name, boolean observer) {
            return observer;
        }

        @Override
        public String describe() {
            return "experiment devices only";
        }
    }

    /** The automatic rule. */
    static DeviceFilter experimentOnly() {
        return new ExperimentOnly();
    }

    /**
     * Parses {@code --devices}: {@code A..B} (integers) is a range; anything else is a file of
     * device names, one per line (surrounding blanks stripped; blank lines and lines starting
     * with {@code #} skipped).
     */
    static DeviceFilter parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new InvalidInputException("devices must be a file of device names (one per line) or a range A..B, got ''");
        }
        Matcher m = Pattern.compile("\\s*(-?\\d{1,18})\\s*\\.\\.\\s*(-?\\d{1,18})\\s*").matcher(spec);
        if (m.matches()) {
            return new Range(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
        }
        Path file = Path.of(spec);
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("devices must be a file of device names (one per line) or a range A..B of "
                    + "numeric names, got '" + spec + "' (no such file)");
        }
        Set<String> names = new LinkedHashSet<>();
        try (BufferedReader r = TraceInput.openReader(file)) {
            String line;
            while ((line = r.readLine()) != null) {
                String s = line.strip();
                if (!s.isEmpty() && !s.startsWith("#")) {
                    names.add(s);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return new Listed(names, spec);
    }
}
