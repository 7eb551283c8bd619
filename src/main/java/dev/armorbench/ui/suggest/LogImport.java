package dev.armorbench.ui.suggest;

import dev.armorbench.audit.LogFiles;
import dev.armorbench.audit.SkipCounts;
import dev.armorbench.audit.SkipReason;
import dev.armorbench.audit.UnreadableLogException;
import dev.armorbench.policy.check.PolicySources;
import dev.armorbench.policy.check.SourceFile;
import dev.armorbench.suggest.AbstractionOffers;
import dev.armorbench.suggest.LogSuggestions;
import dev.armorbench.trial.load.InstalledParser;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
        String name = log.getFileName() == null ? log.toString() : log.getFileName().toString();
        LogSuggestions.Result result;
        try {
            AbstractionOffers offers = searchPath.isEmpty() ? null : AbstractionOffers.onSearchPath(existing(searchPath));
            // The rules offered first are ones this machine's apparmor_parser reads.
            result = LogSuggestions.run(log, name, List.of(document), sources, offers, InstalledParser.networkRuleForm());
        } catch (NoSuchFileException e) {
            return new Unreadable(log + " does not exist.");
        } catch (AccessDeniedException e) {
            return new Unreadable(LogFiles.permissionDenied(log));
        } catch (UnreadableLogException e) {
            return new Unreadable(e.getMessage()); // a directory, a journal file, another compression: it says what to do
        } catch (IOException e) {
            return new Unreadable("Cannot read " + log + ": " + e.getMessage());
        }
        return new Read(result, summary(name, result), nothingFound(log, result));
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
        }
        return text.toString();
    }

    private static String nothingFound(Path log, LogSuggestions.Result result) {
        if (result.lines() == 0) {
            return log + " is empty.";
        }
        if (result.events() == 0) {
            String damaged = result.skips().damagedRecords() > 0
                    ? " " + result.skips().describe() + "." : "";
            return "No AppArmor records in " + log + " (" + count(result.lines(), "line") + " read)." + damaged
                    + " AppArmor writes to the kernel log: with auditd, /var/log/audit/audit.log; without it, "
                    + "/var/log/kern.log or /var/log/syslog, or the output of journalctl -k or dmesg saved to a file.";
        }
        if (result.suggestions().isEmpty()) {
            String read = count(result.events(), "AppArmor event") + " read from " + log;
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
