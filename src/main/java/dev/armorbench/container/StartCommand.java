package dev.armorbench.container;

import java.util.ArrayList;
import java.util.List;

/**
 * The container's first process as the runtime starts it.
 *
 * @param argv what the runtime execs
 * @param shellForm the first process is a shell running a command string
 * @param program the program the image means to run: {@code argv[0]} in exec form, the command string's
 *     first program in shell form
 * @param path the directories a bare program name is looked up in
 */
public record StartCommand(List<String> argv, boolean shellForm, String program, List<String> path) {
    public StartCommand {
        argv = List.copyOf(argv);
        path = List.copyOf(path);
    }

    static StartCommand exec(List<String> argv, List<String> path) {
        return new StartCommand(argv, false, argv.get(0), path);
    }

    static StartCommand shell(List<String> argv, List<String> path) {
        return new StartCommand(argv, true, firstProgram(argv.get(argv.size() - 1)), path);
    }

    /** The shell itself: the first word of a shell-form command. */
    public String shell() {
        return shellForm ? argv.get(0) : null;
    }

    /**
     * The first program a {@code sh -c} string runs: leading {@code VAR=value} words and {@code exec}
     * are skipped. Null for an empty string or one that starts with shell syntax the analysis does not follow.
     */
    static String firstProgram(String command) {
        for (String word : command.trim().split("\\s+")) {
            if (word.isEmpty() || word.equals("exec") || word.matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
                continue;
            }
            if (word.matches("[A-Za-z0-9_./+@:-]+")) {
                return word;
            }
            return null;
        }
        return null;
    }

    /** Where the runtime (or a shell) would find a program: itself when it has a '/', else each PATH entry. */
    public static List<String> candidates(String program, List<String> path) {
        if (program.contains("/")) {
            return List.of(program);
        }
        List<String> found = new ArrayList<>();
        for (String dir : path) {
            found.add((dir.endsWith("/") ? dir : dir + "/") + program);
        }
        return found;
    }
}
