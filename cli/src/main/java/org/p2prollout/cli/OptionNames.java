package org.p2prollout.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Library messages speak of parameters ({@code "maxSpeed must be positive"}, {@code "coverage must
 * be in (0, 1]"}); on the command line the user wrote options. This turns the parameter a message
 * starts with into the command's option of the same name ({@code maxSpeed} -> {@code --max-speed}),
 * when the command has one; other messages pass unchanged.
 */
final class OptionNames {
    private static final Pattern LEADING = Pattern.compile("^([a-z][A-Za-z0-9]*(?: [a-z]+)?)( \\([^)]*\\))?( must| is| needs)");

    private OptionNames() {
    }

    static String translate(String message, CommandSpec command) {
        if (message == null) {
            return null;
        }
        Matcher m = LEADING.matcher(message);
        if (!m.find()) {
            return message;
        }
        String option = "--" + m.group(1).replaceAll("([a-z0-9])([A-Z])", "$1-$2").replace(' ', '-')
                .toLowerCase(java.util.Locale.ROOT);
        if (command.findOption(option) == null) {
            return message;
        }
        return option + message.substring(m.end(1));
    }
}
