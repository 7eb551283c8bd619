package dev.armorbench.trial;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Quotes arguments for a POSIX shell so that a copied command line means exactly the argument list
 * ArmorBench itself passes. Words made only of safe characters stay bare for readability; any other
 * word is put in single quotes, inside which the shell interprets nothing, and each single quote is
 * written as {@code '\''} (close, escaped quote, reopen).
 */
public final class ShellQuoting {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private ShellQuoting() {
    }

    /** One argument as a shell word. A NUL cannot be passed in an argument at all, so it is refused. */
    public static String quote(String argument) {
        if (argument.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("an argument cannot contain a NUL character");
        }
        if (SAFE.matcher(argument).matches()) {
            return argument;
        }
        return "'" + argument.replace("'", "'\\''") + "'";
    }

    /** The arguments as one shell line, separated by single spaces. */
    public static String join(List<String> arguments) {
        return arguments.stream().map(ShellQuoting::quote).collect(Collectors.joining(" "));
    }
}
