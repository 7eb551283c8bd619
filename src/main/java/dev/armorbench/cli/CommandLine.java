package dev.armorbench.cli;

import java.io.PrintWriter;

/** Runs the {@code armorbench} command line and returns its exit code. */
public final class CommandLine {
    private CommandLine() {
    }

    /** Runs with the process's own standard output and error. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        picocli.CommandLine commandLine = new picocli.CommandLine(new ArmorBenchCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        int exitCode = commandLine.execute(args);
        out.flush();
        err.flush();
        return exitCode;
    }
}
