package dev.armorbench.cli;

import dev.armorbench.policy.check.Diagnostic;
import dev.armorbench.policy.check.Severity;
import dev.armorbench.trial.load.LoadOutcome;
import dev.armorbench.trial.load.LoadResult;
import dev.armorbench.trial.load.ParserRequest;
import dev.armorbench.trial.load.ProfileLoader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code armorbench load}: lints a profile file and loads it into the kernel with apparmor_parser. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Load an AppArmor profile file into the kernel (apparmor_parser -r -K, the text on standard input).",
            "The file is checked first; errors stop the load. Root is needed only for running the parser: "
                    + "directly when already root, else through pkexec (ArmorBench's root helper when installed), "
                    + "else sudo -n where sudoers allows it. The exact command is printed.",
            "",
            "Exit status: 0 done (or --dry-run: ready); 1 the profile was refused (its errors or the parser's); "
                    + "2 usage error or unreadable file; 3 this machine cannot load profiles (AppArmor not enabled, "
                    + "apparmor_parser missing); 4 no root (no way to get it, authentication dismissed or refused); "
                    + "5 the command could not run or did not finish."})
public final class LoadCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true)
    Mode mode = new Mode();

    static final class Mode {
        @Option(names = "--complain", description = "Load every profile of the file in complain mode (apparmor_parser -C), "
                + "whatever its flags say.")
        boolean complain;

        @Option(names = "--remove", description = "Remove (unload) the profiles the file defines instead (apparmor_parser -R).")
        boolean remove;
    }

    @Option(names = "--dry-run", description = "Check everything and print the command, but run nothing.")
    boolean dryRun;

    @Parameters(index = "0", paramLabel = "PROFILE", description = "The profile file.")
    Path file;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(file)) {
            err.println("armorbench load: " + file + (Files.isDirectory(file)
                    ? ": is a directory; give the profile file to load" : ": no such file"));
            return 2;
        }
        ParserRequest request = mode.remove ? ParserRequest.REMOVE
                : mode.complain ? ParserRequest.REPLACE_IN_COMPLAIN_MODE : ParserRequest.REPLACE;
        ProfileLoader loader = ProfileLoader.forThisMachine();
        LoadResult result = dryRun ? loader.plan(file, null, request) : loader.run(file, null, request);

        for (Diagnostic d : result.lintDiagnostics()) {
            if (d.severity() == Severity.ERROR || result.outcome() != LoadOutcome.LINT_ERRORS) {
                err.println(d.source().path() + ":" + d.line() + ":" + d.column() + ": " + d.severity().label() + ": "
                        + d.message() + " [" + d.code() + "]");
            }
        }
        PrintWriter face = result.succeeded() || result.outcome() == LoadOutcome.READY ? out : err;
        face.println(result.message());
        if (!dryRun) {
            result.command().ifPresent(command -> face.println("command: " + command.describe()));
        }
        if (result.outcome() == LoadOutcome.PARSER_ERROR && !result.commandOutput().isBlank()) {
            err.println("apparmor_parser said:");
            result.commandOutput().lines().forEach(line -> err.println("  " + line));
        }
        out.flush();
        err.flush();
        return exitCode(result.outcome());
    }

    static int exitCode(LoadOutcome outcome) {
        return switch (outcome) {
            case LOADED, REMOVED, READY -> 0;
            case LINT_ERRORS, PARSER_ERROR -> 1;
            case UNREADABLE -> 2;
            case APPARMOR_NOT_ENABLED, PARSER_MISSING -> 3;
            case NO_PRIVILEGE_ROUTE, AUTHENTICATION_DISMISSED, NOT_AUTHORIZED, HELPER_REFUSED -> 4;
            case COMMAND_FAILED -> 5;
        };
    }
}
