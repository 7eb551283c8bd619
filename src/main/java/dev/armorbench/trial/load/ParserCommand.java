package dev.armorbench.trial.load;

import dev.armorbench.trial.ShellQuoting;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The exact command ArmorBench runs for loading: an argument list (never a shell string), the
 * directory it runs in ({@code apparmor_parser} resolves a relative {@code include "…"} of text on
 * standard input against its working directory), and the profile text on standard input.
 *
 * @param workingDirectory where the command runs; empty for the caller's own
 */
public record ParserCommand(PrivilegeRoute route, List<String> arguments, Optional<Path> workingDirectory) {
    public ParserCommand {
        arguments = List.copyOf(arguments);
    }

    /** The command as a shell line, quoted so that pasting it runs exactly these arguments. */
    public String shellLine() {
        return ShellQuoting.join(arguments);
    }

    /** The line a user is shown: the command, what it reads, and where it runs. */
    public String describe() {
        return shellLine() + " < PROFILE-TEXT" + workingDirectory.map(dir -> "   (in " + dir + ")").orElse("");
    }
}
