package dev.armorbench.trial.load;

import dev.armorbench.policy.check.Diagnostic;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How loading (or removing) a profile ended.
 *
 * @param message one or two sentences for the user: what happened and, for a refusal, what to do
 * @param command the exact command run (or that would have run), when it got that far
 * @param profileNames the profiles the file defines, children as {@code parent//child}
 * @param kernelProfiles the kernel's list after the command (unknown, with why, when not readable)
 * @param lintDiagnostics ArmorBench's findings (errors stopped the load; warnings do not)
 * @param parserError the parser's own error, for {@link LoadOutcome#PARSER_ERROR}
 * @param commandOutput the command's standard error (and output), as it printed them
 */
public record LoadResult(LoadOutcome outcome, String message, Optional<ParserCommand> command,
        List<String> profileNames, LoadedProfiles kernelProfiles, List<Diagnostic> lintDiagnostics,
        Optional<ParserError> parserError, String commandOutput) {
    public LoadResult {
        profileNames = List.copyOf(profileNames);
        lintDiagnostics = List.copyOf(lintDiagnostics);
    }

    /** Loaded or removed as asked. */
    public boolean succeeded() {
        return outcome.succeeded();
    }

    /** The file's profiles that the kernel lists, with their modes, in the file's order. */
    public Map<String, String> loadedModes() {
        Map<String, String> modes = new LinkedHashMap<>();
        for (String name : profileNames) {
            kernelProfiles.mode(name).ifPresent(mode -> modes.put(name, mode));
        }
        return modes;
    }

    static LoadResult refused(LoadOutcome outcome, String message, List<String> profileNames) {
        return new LoadResult(outcome, message, Optional.empty(), profileNames,
                LoadedProfiles.unknown("nothing was run"), List.of(), Optional.empty(), "");
    }
}
