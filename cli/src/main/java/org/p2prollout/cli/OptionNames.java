package org.p2prollout.cli;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Library messages speak of parameters, in the library's names ({@code "nodes must be an integer
 * >= 1, got 0"}, {@code "try raise 'maxIterations' or set 'method' to krylov"}); on the command
 * line the user wrote options. This turns those parameter names into the command's options:
 * <ul>
 *   <li>the parameter a message starts with, when followed by {@code must}, {@code is} or
 *       {@code needs} (optionally after a unit in brackets: {@code "horizon (s) must be"});</li>
 *   <li>every parameter named in single quotes ({@code 'epsilon'}), the quotes dropped.</li>
 * </ul>
 * A name maps to the option of the same words ({@code maxSpeed -> --max-speed}) or, where the
 * library's name differs from the option's, through {@link #ALIASES}; a name the command has no
 * option for is left as it is, so a library message never names an option that does not exist.
 */
final class OptionNames {
    private static final Pattern LEADING = Pattern.compile("^([a-z][A-Za-z0-9]*(?: [a-z]+)?)( \\([^)]*\\))?( must| is| needs)");
    private static final Pattern QUOTED = Pattern.compile("'([a-z][A-Za-z0-9]*)'");

    /** Library parameter names whose option says it in other words. */
    static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("initialHolders", "--initial"),
            Map.entry("serverPerVisit", "--server-pieces"),
            Map.entry("freeRiderShare", "--free-riders"),
            Map.entry("cellMeters", "--cell"),
            Map.entry("from", "--from"),
            Map.entry("to", "--to"));

    private OptionNames() {
    }

    static String translate(String message, CommandSpec command) {
        if (message == null) {
            return null;
        }
        String out = message;
        Matcher m = LEADING.matcher(out);
        if (m.find()) {
            String option = option(m.group(1), command);
            if (option != null) {
                out = option + out.substring(m.end(1));
            }
        }
        Matcher q = QUOTED.matcher(out);
        StringBuilder sb = new StringBuilder();
        while (q.find()) {
            // A quoted value the user gave ("got 'nodes'") is data, not a parameter name.
            boolean value = out.startsWith("got ", Math.max(0, q.start() - 4));
            String option = value ? null : option(q.group(1), command);
            q.appendReplacement(sb, Matcher.quoteReplacement(option != null ? option : q.group()));
        }
        q.appendTail(sb);
        return sb.toString();
    }

    /** The command's option for a library parameter name, or null when it has none. */
    static String option(String parameter, CommandSpec command) {
        String alias = ALIASES.get(parameter);
        if (alias != null && command.findOption(alias) != null) {
            return alias;
        }
        String option = "--" + parameter.replaceAll("([a-z0-9])([A-Z])", "$1-$2").replace(' ', '-')
                .toLowerCase(Locale.ROOT);
        return command.findOption(option) != null ? option : null;
    }
}
