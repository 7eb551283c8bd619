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

    /**
     * A usage error: what was wrong, picocli's "did you mean" hint where it has one, and the usage of
     * the command concerned, all on standard error; exit code 2.
     */
    private static int usageError(picocli.CommandLine.ParameterException error, String[] args) {
        picocli.CommandLine command = error.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(error.getMessage());
        picocli.CommandLine.UnmatchedArgumentException.printSuggestions(error, err);
        command.usage(err);
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        picocli.CommandLine commandLine = new picocli.CommandLine(new ArmorBenchCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler(CommandLine::usageError);
        int exitCode = commandLine.execute(args);
        out.flush();
        err.flush();
        return exitCode;
    }
}
