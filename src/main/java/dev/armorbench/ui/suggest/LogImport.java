package dev.armorbench.ui.suggest;

import dev.armorbench.audit.LogFiles;
import dev.armorbench.audit.ReadProgress;
import dev.armorbench.audit.SkipCounts;
import dev.armorbench.audit.SkipReason;
import dev.armorbench.policy.check.PolicySources;
import dev.armorbench.policy.check.SourceFile;
import dev.armorbench.suggest.AbstractionOffers;
import dev.armorbench.suggest.LogSuggestions;
import dev.armorbench.trial.load.InstalledParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * File → Import Log…: reads a log (audit.log, syslog, kern.log, {@code journalctl} or {@code dmesg}
 * text, a rotated one gzip'd) against the document's text and says what came of it. No JavaFX
 * here: the window runs it off the FX thread and shows the outcome.
 */
public final class LogImport {
    /** What an import gives: suggestions with a summary, or a message that says what to do. */
    public sealed interface Outcome permits Read, Unreadable {
    }

    /**
     * @param summary {@code from audit.log: 180 lines, 60 AppArmor events, 120 other lines skipped}
     * @param nothingFound why there is nothing to show, or null when there are suggestions
     */
    public record Read(LogSuggestions.Result result, String summary, String nothingFound) implements Outcome {
    }

    /** The log could not be read; {@code message} names the fix. */
    public record Unreadable(String message) implements Outcome {
    }

    private LogImport() {
    }

    /**
     * @param document the document's text as it is now (unsaved text is fine)
     * @param searchPath where {@code include <abstractions/…>} offers come from
     */
    public static Outcome run(Path log, SourceFile document, PolicySources sources, List<Path> searchPath) {
        return run(List.of(log), document, sources, searchPath);
    }

    /**
     * Several logs read as one, the oldest first (by when each was last written): a log with its
     * rotated files, {@code kern.log.2.gz}, {@code kern.log.1}, {@code kern.log}. The first that
     * cannot be read is named and nothing is shown.
     */
    public static Outcome run(List<Path> logs, SourceFile document, PolicySources sources, List<Path> searchPath) {
        return run(logs, document, sources, searchPath, new ReadProgress());
    }

    /** The same, saying in {@code progress} how far the reading has come, for the window to show. */
    public static Outcome run(List<Path> logs, SourceFile document, PolicySources sources, List<Path> searchPath,
            ReadProgress progress) {
        List<Path> ordered = oldestFirst(logs);
        String where = ordered.size() == 1 ? ordered.get(0).toString() : names(ordered);
        LogSuggestions.Result result;
        try {
            AbstractionOffers offers = searchPath.isEmpty() ? null : AbstractionOffers.onSearchPath(existing(searchPath));
            // The rules offered first are ones this machine's apparmor_parser reads.
            result = LogSuggestions.run(ordered, LogImport::fileName, List.of(document), sources, offers,
                    InstalledParser.networkRuleForm(), progress);
        } catch (IOException e) {
            return new Unreadable(LogFiles.problem(ordered.get(0), e));
        }
        return new Read(result, summary(names(ordered), result), nothingFound(where, ordered.size(), result));
    }

    private static String fileName(Path log) {
        return log.getFileName() == null ? log.toString() : log.getFileName().toString();
    }

    /** "kern.log", or "kern.log.2.gz, kern.log.1 and kern.log". */
    private static String names(List<Path> logs) {
        List<String> names = logs.stream().map(LogImport::fileName).toList();
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    private static List<Path> oldestFirst(List<Path> logs) {
        return logs.stream().sorted(java.util.Comparator.comparing(LogImport::lastWritten)).toList();
    }

    private static java.nio.file.attribute.FileTime lastWritten(Path log) {
        try {
            return Files.getLastModifiedTime(log);
        } catch (IOException e) {
            return java.nio.file.attribute.FileTime.fromMillis(0); // first, so that its reading says what is wrong
        }
    }

    private static List<Path> existing(List<Path> searchPath) {
        return searchPath.stream().filter(Files::isDirectory).toList();
    }

    /** {@code from audit.log: 180 lines, 60 AppArmor events; 118 other lines and 2 damaged records skipped}. */
    static String summary(String name, LogSuggestions.Result result) {
        SkipCounts skips = result.skips();
        long other = skips.count(SkipReason.NOT_APPARMOR);
        long damaged = skips.damagedRecords();
        StringBuilder text = new StringBuilder("from ").append(name).append(": ")
                .append(count(result.lines(), "line")).append(", ")
                .append(count(result.events(), "AppArmor event"));
        if (other > 0 || damaged > 0) {
            text.append("; skipped ");
            if (other > 0) {
                text.append(count(other, "other line"));
            }
            if (damaged > 0) {
                text.append(other > 0 ? " and " : "").append(count(damaged, "damaged AppArmor record"));
            }
        }
        if (result.ruleless().total() > 0) {
            text.append("; ").append(result.ruleless().describe());
            String fix = result.ruleless().fix();
            if (!fix.isEmpty()) {
                text.append(". ").append(fix);
            }
        }
        return text.toString();
    }

    /** Why there is nothing to show, naming {@code where} ({@code logs} of them), or null. */
    private static String nothingFound(String where, int logs, LogSuggestions.Result result) {
        if (result.lines() == 0) {
            return where + (logs == 1 ? " is empty." : " are empty.");
        }
        if (result.events() == 0) {
            String damaged = result.skips().damagedRecords() > 0
                    ? " " + result.skips().describe() + "." : "";
            return "No AppArmor records in " + where + " (" + count(result.lines(), "line") + " read)." + damaged
                    + " AppArmor writes to the kernel log: with auditd, /var/log/audit/audit.log; without it, "
                    + "/var/log/kern.log or /var/log/syslog, or the output of journalctl -k or dmesg saved to a file.";
        }
        if (result.suggestions().isEmpty()) {
            String read = count(result.events(), "AppArmor event") + " read from " + where;
            if (result.ruleless().total() > 0) {
                return read + ". " + result.ruleless().note()
                        + " The profiles already allow what the others asked for (or they were not denials).";
            }
            return read + "; the profiles already allow everything they asked for (or the events were not denials).";
        }
        return null;
    }

    private static String count(long n, String what) {
        return String.format("%,d", n) + " " + what + (n == 1 ? "" : "s");
    }
}
