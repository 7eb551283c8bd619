package dev.armorbench.suggest;

import dev.armorbench.audit.LogReader;
import dev.armorbench.audit.ReadProgress;
import dev.armorbench.audit.SkipCounts;
import dev.armorbench.policy.check.LintResult;
import dev.armorbench.policy.check.PolicyReader;
import dev.armorbench.policy.check.PolicySources;
import dev.armorbench.policy.check.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The whole way from a log to edits: read the profiles, read the log into suggestions, plan the
 * edits of each profile file, and write the profiles that do not exist yet. What the command line
 * and the editor's "Import log…" share.
 */
public final class LogSuggestions {
    /**
     * @param suggestions every suggestion, for existing and new profiles
     * @param plans one per profile file, in the order given
     * @param newProfiles the text of each profile that no file defines, by name
     * @param lines log lines read; {@code skips} says which were not AppArmor records
     * @param ruleless the events of classes no rule kind covers
     */
    public record Result(List<Suggestion> suggestions, List<EditPlan> plans, Map<String, String> newProfiles,
            long lines, long events, SkipCounts skips, RulelessEvents ruleless) {
    }

    private LogSuggestions() {
    }

    /**
     * @param profiles the policy files, already read (an editor's unsaved text is fine)
     * @param sources where their includes are found
     * @param abstractions include offers, or null for none
     */
    public static Result run(InputStream log, String logName, List<SourceFile> profiles, PolicySources sources,
            AbstractionOffers abstractions, NetworkRuleForm networkRules) throws IOException {
        return run((reader, sink) -> reader.read(log, logName, sink), profiles, sources, abstractions, networkRules);
    }

    /**
     * {@link #run(InputStream, String, List, PolicySources, AbstractionOffers, NetworkRuleForm)} for a
     * file: the parser threads read it themselves.
     */
    public static Result run(Path log, String logName, List<SourceFile> profiles, PolicySources sources,
            AbstractionOffers abstractions, NetworkRuleForm networkRules) throws IOException {
        return run(List.of(log), file -> logName, profiles, sources, abstractions, networkRules);
    }

    /**
     * The same for several logs read one after the other as one (a log and its rotated files:
     * {@code kern.log.2.gz}, {@code kern.log.1}, {@code kern.log}); events name their own file
     * ({@code logName}), and the line and skip counts are of all of them.
     */
    public static Result run(List<Path> logs, Function<Path, String> logName, List<SourceFile> profiles,
            PolicySources sources, AbstractionOffers abstractions, NetworkRuleForm networkRules) throws IOException {
        return run(logs, logName, profiles, sources, abstractions, networkRules, new ReadProgress());
    }

    /**
     * The same, saying how far the reading has come in {@code progress}, which another thread can
     * show while this one reads.
     */
    public static Result run(List<Path> logs, Function<Path, String> logName, List<SourceFile> profiles,
            PolicySources sources, AbstractionOffers abstractions, NetworkRuleForm networkRules, ReadProgress progress)
            throws IOException {
        progress.expectBytes(totalBytes(logs));
        return run((reader, sink) -> {
            reader.reportingTo(progress);
            for (int i = 0; i < logs.size(); i++) {
                Path log = logs.get(i);
                String name = logName.apply(log);
                progress.startFile(name, i + 1, logs.size());
                reader.read(log, name, sink);
            }
        }, profiles, sources, abstractions, networkRules);
    }

    /** What the logs hold together, or -1 when one is no regular file (a pipe, a device) or cannot be sized. */
    private static long totalBytes(List<Path> logs) {
        long total = 0;
        for (Path log : logs) {
            try {
                if (!Files.isRegularFile(log)) {
                    return -1;
                }
                total += Files.size(log);
            } catch (IOException e) {
                return -1; // the reading will say what is wrong with it
            }
        }
        return total;
    }

    /** How the log is handed to the reader: a stream, or a file. */
    private interface LogInput {
        void readInto(LogReader reader, Suggester suggester) throws IOException;
    }

    private static Result run(LogInput log, List<SourceFile> profiles, PolicySources sources,
            AbstractionOffers abstractions, NetworkRuleForm networkRules) throws IOException {
        List<LintResult> read = new ArrayList<>();
        for (SourceFile profile : profiles) {
            read.add(PolicyReader.lint(profile, sources));
        }
        Suggester suggester = new Suggester(new KnownProfiles(read), LearningLabels.TO_EXECUTING_PROFILE, abstractions,
                networkRules);
        LogReader reader = new LogReader();
        log.readInto(reader, suggester);
        List<Suggestion> suggestions = suggester.suggestions();
        List<EditPlan> plans = new ArrayList<>();
        for (SourceFile profile : profiles) {
            List<Suggestion> mine = new ArrayList<>();
            for (Suggestion s : suggestions) {
                if (profile.path().equals(s.file())) {
                    mine.add(s);
                }
            }
            plans.add(ProfileEdits.plan(profile, mine));
        }
        return new Result(suggestions, plans, NewProfiles.render(suggestions), reader.lines(), suggester.events(),
                reader.skips(), suggester.ruleless());
    }

    /** The search path with the profile's own directory last, as apparmor_parser -I does for quoted includes. */
    public static PolicySources sources(List<Path> searchPath, Path baseDir) {
        return new PolicySources(searchPath, baseDir == null ? Path.of("") : baseDir);
    }
}
