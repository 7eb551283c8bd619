package dev.armorbench.cli;

import java.io.PrintWriter;

/** Runs the {@code armorbench} command line and returns its exit code. */
public final class CommandLine {
    private CommandLine() {
    }

    /**
     * Whether {@code args} name files for the desktop window to open ({@code armorbench FILE…}, as a
     * file manager or a dock passes them) rather than a command: none is an option or a command's
     * name, and each is a regular file. Anything else is the command line's, which says what is wrong.
     */
    public static boolean namesFilesToOpen(String... args) {
        if (args.length == 0) {
            return false;
        }
        for (String arg : args) {
            if (arg.startsWith("-") || !java.nio.file.Files.isRegularFile(java.nio.file.Path.of(arg))) {
                return false;
            }
        }
        // Only now the command model (built again by run()): a command's name wins over a file of that name.
        java.util.Set<String> commands = new picocli.CommandLine(new ArmorBenchCommand()).getSubcommands().keySet();
        for (String arg : args) {
            if (commands.contains(arg)) {
                return false;
            }
        }
        return true;
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

    /**
     * A command stopped by an I/O failure it did not catch itself: one line naming the file and the
     * cause, exit code 1, no stack trace. Any other exception is a bug and keeps picocli's trace,
     * which is what a report needs.
     */
    static int failure(Exception error, picocli.CommandLine command, picocli.CommandLine.ParseResult parsed)
            throws Exception {
        if (!(error instanceof java.io.IOException io)) {
            throw error;
        }
        String file = io instanceof java.nio.file.FileSystemException fileSystem ? fileSystem.getFile() : null;
        command.getErr().println("armorbench " + command.getCommandName() + ": "
                + (file != null ? dev.armorbench.files.ReadProblem.cannotRead(java.nio.file.Path.of(file), io)
                        : io.getMessage() == null ? io.getClass().getSimpleName() : io.getMessage()));
        return 1;
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        picocli.CommandLine commandLine = new picocli.CommandLine(new ArmorBenchCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler(CommandLine::usageError);
        commandLine.setExecutionExceptionHandler(CommandLine::failure);
        int exitCode = commandLine.execute(args);
        out.flush();
        err.flush();
        return exitCode;
    }
}
