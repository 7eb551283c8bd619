package dev.armorbench.testing;

import dev.armorbench.audit.AuditEvent;
import dev.armorbench.audit.EventKind;
import dev.armorbench.audit.LogLineParser;
import dev.armorbench.audit.RepeatAggregator;
import dev.armorbench.policy.check.LintResult;
import dev.armorbench.policy.check.PolicyReader;
import dev.armorbench.policy.check.PolicySources;
import dev.armorbench.policy.check.SourceFile;
import dev.armorbench.suggest.KnownProfiles;
import dev.armorbench.suggest.Suggester;
import dev.armorbench.trial.run.TrialOutcome;
import dev.armorbench.trial.run.TrialRunResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;

/**
 * Trial runs of the {@code abtest} profile made from kernel lines recorded in the AppArmor guest,
 * for tests of the loop's bookkeeping (the engine's and the panel's): events, repeats and
 * suggestions as a real run would report them, without Docker.
 */
public final class RecordedTrialRuns {
    /** The profile under trial: an entry point that sends a helper into its child profile. */
    public static final String PROFILE = "profile abtest flags=(complain) {\n  /opt/helper/cat cx -> helper,\n"
            + "  profile helper flags=(complain) {\n  }\n}\n";
    /** The entry point reading a file its profile does not name. */
    public static final String SECRET = "audit: type=1400 audit(1764391200.113:220): apparmor=\"ALLOWED\" operation=\"open\""
            + " profile=\"abtest\" name=\"/srv/secret\" pid=886 comm=\"cat\" requested_mask=\"r\" denied_mask=\"r\" fsuid=0 ouid=0";
    /** The helper, in its child profile, reading a file. */
    public static final String HOSTNAME = "audit: type=1400 audit(1764391200.120:221): apparmor=\"ALLOWED\""
            + " operation=\"open\" profile=\"abtest//helper\" name=\"/etc/hostname\" pid=887 comm=\"cat\""
            + " requested_mask=\"r\" denied_mask=\"r\" fsuid=0 ouid=0";

    private RecordedTrialRuns() {}

    /** A run of {@link #PROFILE}, saved as {@code file}, that exited with {@code exitCode} after the kernel logged {@code lines}. */
    public static TrialRunResult run(Path file, long exitCode, String... lines) {
        LogLineParser parser = new LogLineParser();
        RepeatAggregator distinct = new RepeatAggregator(100);
        EnumMap<EventKind, Long> byKind = new EnumMap<>(EventKind.class);
        LintResult lint = PolicyReader.lint(new SourceFile(file, PROFILE), PolicySources.defaults());
        Suggester suggester = new Suggester(new KnownProfiles(List.of(lint)));
        for (String line : lines) {
            AuditEvent event = parser.parseEvent(line, "kmsg", 1);
            distinct.add(event);
            byKind.merge(event.kind(), 1L, Long::sum);
            suggester.accept(event);
        }
        return new TrialRunResult(TrialOutcome.EXITED, "abtest", exitCode, Duration.ofSeconds(3), byKind,
                distinct.entries(), suggester.suggestions(), "exited", 0);
    }
}
