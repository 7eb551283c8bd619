package dev.armorbench.cli;

import dev.armorbench.AppVersion;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The root command. Subcommands ({@code lint}, {@code load}, {@code logs}, {@code suggest}, {@code tree},
 * {@code trial}) share the engine with the desktop app.
 */
@Command(
        name = "armorbench",
        mixinStandardHelpOptions = true,
        versionProvider = ArmorBenchCommand.Version.class,
        description = {
            "ArmorBench: write, test and tighten AppArmor profiles for Docker containers.",
            "Run without arguments to open the desktop workbench, or with profile files to open them in it."
        },
        subcommands = {LintCommand.class, LoadCommand.class, LogsCommand.class, SuggestCommand.class, TreeCommand.class,
            TrialCommand.class})
public final class ArmorBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        // Arguments were given but no command: say what the commands are.
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /** Prints the versions a bug report needs. */
    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "ArmorBench " + AppVersion.version(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
            };
        }
    }
}
