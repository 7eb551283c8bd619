package dev.armorbench.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/** One run of the command line in-process, with what it printed on each stream and its exit code. */
record CommandRun(int exit, String out, String err) {
    static CommandRun of(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = CommandLine.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        return new CommandRun(exit, out.toString(), err.toString());
    }

    /** Runs {@code prefix} followed by {@code args} (a subcommand and its fixed options, then the test's own). */
    static CommandRun of(List<String> prefix, String... args) {
        List<String> all = new ArrayList<>(prefix);
        all.addAll(List.of(args));
        return of(all);
    }
}
