package dev.armorbench.ui.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.audit.AuditEvent;
import dev.armorbench.audit.EventKind;
import dev.armorbench.audit.LogLineParser;
import dev.armorbench.audit.RepeatAggregator;
import dev.armorbench.container.ProfileMode;
import dev.armorbench.policy.check.LintResult;
import dev.armorbench.policy.check.PolicyReader;
import dev.armorbench.policy.check.PolicySources;
import dev.armorbench.policy.check.SourceFile;
import dev.armorbench.suggest.KnownProfiles;
import dev.armorbench.suggest.Suggester;
import dev.armorbench.suggest.Suggestion;
import dev.armorbench.trial.RunConfiguration;
import dev.armorbench.trial.loop.OfferedRule;
import dev.armorbench.trial.loop.SessionStore;
import dev.armorbench.trial.run.TrialOutcome;
import dev.armorbench.trial.run.TrialRunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The panel's hold on a profile file's loop: recorded, answered one by one, saved, found again. */
class ProfileLoopTest {
    private static final String PROFILE = "profile abtest flags=(complain) {\n  /opt/helper/cat cx -> helper,\n"
            + "  profile helper flags=(complain) {\n  }\n}\n";
    private static final String SECRET = "audit: type=1400 audit(1764391200.113:220): apparmor=\"ALLOWED\" operation=\"open\""
            + " profile=\"abtest\" name=\"/srv/secret\" pid=886 comm=\"cat\" requested_mask=\"r\" denied_mask=\"r\" fsuid=0 ouid=0";
    private static final String HOSTNAME = "audit: type=1400 audit(1764391200.120:221): apparmor=\"ALLOWED\""
            + " operation=\"open\" profile=\"abtest//helper\" name=\"/etc/hostname\" pid=887 comm=\"cat\""
            + " requested_mask=\"r\" denied_mask=\"r\" fsuid=0 ouid=0";
    private static final String PASSWD = SECRET.replace("/srv/secret", "/etc/passwd");

    @TempDir
    Path temp;

    @Test
    void answersComeOneByOneOnlyTheRunsOwnOffersCountAndTheLoopIsFoundAgain() throws Exception {
        Path file = temp.resolve("abtest.profile");
        Files.writeString(file, PROFILE);
        SessionStore store = new SessionStore(temp.resolve("state"));
        ProfileLoop loop = new ProfileLoop(store);
        assertThat(loop.follow(Optional.of(file), RunConfiguration.forImage("img"))).isTrue();
        assertThat(loop.follow(Optional.of(file), RunConfiguration.forImage("img"))).as("the same file").isFalse();

        TrialRunResult result = run(file, SECRET, HOSTNAME);
        List<Suggestion> offered = loop.offered(result.suggestions(), false);
        loop.record(result, ProfileMode.COMPLAIN, Instant.now(), PROFILE, RunConfiguration.forImage("img"), offered);
        assertThat(Files.exists(store.fileFor(file))).as("saved after the run").isTrue();
        Suggestion secret = offered.stream().filter(s -> s.chosen().rule().contains("/srv/secret")).findFirst().orElseThrow();
        Suggestion hostname = offered.stream().filter(s -> s.chosen().rule().contains("/etc/hostname")).findFirst().orElseThrow();

        // An imported log's suggestion is not this run's offer: nothing changes.
        Suggestion imported = run(file, PASSWD).suggestions().get(0);
        assertThat(loop.answered(List.of(), List.of(imported))).isFalse();
        // The run's own offers, answered one at a time: both answers stay.
        assertThat(loop.answered(List.of(hostname), List.of())).isTrue();
        assertThat(loop.answered(List.of(), List.of(secret))).isTrue();
        var last = loop.session().iterations().get(0);
        assertThat(last.accepted()).containsExactly(OfferedRule.of(hostname));
        assertThat(last.rejected()).containsExactly(OfferedRule.of(secret));
        assertThat(loop.offered(result.suggestions(), false)).doesNotContain(secret);
        assertThat(loop.offered(result.suggestions(), true)).contains(secret);

        // A restart: the same file's loop, with its answers and rejections.
        ProfileLoop again = new ProfileLoop(store);
        again.follow(Optional.of(file), RunConfiguration.forImage("img"));
        assertThat(again.problem()).isEmpty();
        assertThat(again.session().iterations()).hasSize(1);
        assertThat(again.session().iterations().get(0).rejected()).containsExactly(OfferedRule.of(secret));
        assertThat(again.offered(result.suggestions(), false)).doesNotContain(secret);

        // An untitled document has no loop.
        assertThat(again.follow(Optional.empty(), RunConfiguration.forImage("img"))).isTrue();
        assertThat(again.active()).isFalse();
    }

    private static TrialRunResult run(Path file, String... lines) {
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
        return new TrialRunResult(TrialOutcome.EXITED, "abtest", 0, Duration.ofSeconds(3), byKind,
                distinct.entries(), suggester.suggestions(), "exited", 0);
    }
}
