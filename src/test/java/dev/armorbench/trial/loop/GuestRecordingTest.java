package dev.armorbench.trial.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.audit.EventFilter;
import dev.armorbench.audit.LogReader;
import dev.armorbench.policy.check.LintResult;
import dev.armorbench.policy.check.PolicyReader;
import dev.armorbench.policy.check.PolicySources;
import dev.armorbench.policy.check.SourceFile;
import dev.armorbench.suggest.KnownProfiles;
import dev.armorbench.suggest.Suggester;
import dev.armorbench.suggest.Suggestion;
import dev.armorbench.testing.ReferenceParser;
import dev.armorbench.testing.Requirements;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The kernel lines of the first complain run of the end-to-end loop (recorded in the AppArmor guest
 * by {@code TrialLoopIT}, file {@code guest-first-complain-run.log}), read against that test's
 * starting profile: the same suggestions the guest's {@code trial} printed, in the same profiles.
 */
class GuestRecordingTest {
    private static final Path START = Path.of("src/test/guest/e2e/trial-loop.profile");

    /** The suggestions for a recorded run against the starting profile. */
    private List<Suggestion> suggestionsFor(String recording) throws IOException {
        Requirements.require(Files.isRegularFile(Path.of("/etc/apparmor.d/abstractions/base")),
                "/etc/apparmor.d/abstractions/base (Debian package apparmor), which the profile includes");
        SourceFile start = new SourceFile(START.toAbsolutePath(), Files.readString(START));
        LintResult lint = PolicyReader.lint(start, PolicySources.defaults());
        assertThat(lint.hasErrors()).as(lint.diagnostics().toString()).isFalse();
        Suggester suggester = new Suggester(new KnownProfiles(List.of(lint)));
        EventFilter family = EventFilter.profileFamily("abtrial");
        try (InputStream log = getClass().getResourceAsStream("/dev/armorbench/trial/run/" + recording)) {
            new LogReader().read(log, "kmsg", event -> {
                if (family.test(event)) {
                    suggester.accept(event);
                }
            });
        }
        return suggester.suggestions();
    }

    @Test
    void theFirstComplainRunAsksForTheRulesTheGuestApplied() throws IOException {
        List<Suggestion> suggestions = LoopDefaults.choose(suggestionsFor("guest-first-complain-run.log"));

        assertThat(suggestions).extracting(s -> OfferedRule.of(s).toString()).containsExactly(
                "abtrial: /bin/busybox mrix,",
                "abtrial: owner /etc/app.conf r,",
                "abtrial: owner /var/log/app/app.log w,",
                "abtrial: owner /tmp/received rw,",
                "abtrial: capability net_bind_service,",
                "abtrial//helper: owner /opt/helper/cat r,",
                "abtrial//helper: owner /srv/data.txt r,",
                "abtrial//helper: owner @{PROC}/@{pid}/attr/current r,");
    }

    /**
     * The second run's socket events (the first run's processes were in a {@code null-} learning
     * profile, which mediates no network): one suggestion per operation with addresses and the peer's
     * ephemeral port; the loop applies one {@code network FAMILY TYPE,} rule per family and type.
     */
    @Test
    void theSecondRunsSocketOperationsBecomeOneRulePerFamilyAndType() throws IOException {
        List<Suggestion> suggestions = suggestionsFor("guest-second-complain-run.log");
        assertThat(suggestions).hasSizeGreaterThan(10);
        assertThat(suggestions).extracting(s -> s.chosen().rule())
                .anyMatch(rule -> rule.startsWith("network (send) inet stream ip=127.0.0.1 port="));

        assertThat(LoopDefaults.choose(suggestions)).extracting(s -> OfferedRule.of(s).toString())
                .containsExactly("abtrial: network inet stream,", "abtrial: network inet6 stream,");
    }

    /** Why: apparmor_parser 3.0 (Debian 12's, the guest's) reads the family and type form only. */
    @Test
    void apparmorParserThreeReadsOnlyTheFamilyAndTypeForm() throws IOException, InterruptedException {
        assertThat(parses("network inet stream,")).isTrue();
        assertThat(parses("network (create) inet stream,")).isFalse();
        assertThat(parses("network (listen) inet6 stream port=80,")).isFalse();
    }

    private static boolean parses(String rule) throws IOException, InterruptedException {
        return ReferenceParser.compile("profile t {\n  " + rule + "\n}\n").compiled();
    }
}
