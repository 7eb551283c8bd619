package dev.armorbench.trial.loop;

import static dev.armorbench.testing.RecordedTrialRuns.HOSTNAME;
import static dev.armorbench.testing.RecordedTrialRuns.PROFILE;
import static dev.armorbench.testing.RecordedTrialRuns.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.container.ProfileMode;
import dev.armorbench.suggest.Suggestion;
import dev.armorbench.testing.RecordedTrialRuns;
import dev.armorbench.trial.RunConfiguration;
import dev.armorbench.trial.run.TrialOutcome;
import dev.armorbench.trial.run.TrialRunResult;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The loop's bookkeeping over runs whose events are kernel lines recorded in the AppArmor guest. */
class TrialLoopTest {
    private static final Path FILE = Path.of("/work/abtest.profile");
    private static final String STATUS_PID = "audit: type=1400 audit(1764391200.130:222): apparmor=\"ALLOWED\""
            + " operation=\"open\" profile=\"abtest\" name=\"/proc/%d/status\" pid=%d comm=\"sh\" requested_mask=\"r\""
            + " denied_mask=\"r\" fsuid=0 ouid=0";
    private static final String DENIED = SECRET.replace("ALLOWED", "DENIED");

    private final TrialLoop loop = new TrialLoop(TrialSession.start(FILE.toString(), RunConfiguration.forImage("img")));

    /** A run that exited with {@code exitCode} after the kernel logged {@code lines}. */
    private static TrialRunResult run(long exitCode, String... lines) {
        return RecordedTrialRuns.run(FILE, exitCode, lines);
    }

    private Iteration record(ProfileMode mode, TrialRunResult result) {
        return loop.record(result, mode, Instant.parse("2026-11-29T06:00:00Z"), PROFILE, loop.offered(result.suggestions(), false));
    }

    @Test
    void twoComplainRunsWithoutNewEventsProposeEnforceAndACleanEnforceRunCompletes() {
        Iteration first = record(ProfileMode.COMPLAIN, run(0, SECRET, HOSTNAME, STATUS_PID.formatted(10, 10)));
        assertThat(first.newEvents()).isEqualTo(3);
        assertThat(first.suggestions()).extracting(OfferedRule::toString)
                .contains("abtest: owner /srv/secret r,", "abtest//helper: owner /etc/hostname r,");
        assertThat(loop.verdict().state()).isEqualTo(TrialLoop.State.LEARNING);

        // The same events again, /proc/PID under another pid: nothing new.
        Iteration second = record(ProfileMode.COMPLAIN, run(0, SECRET, STATUS_PID.formatted(42, 42)));
        assertThat(second.newEvents()).isZero();
        assertThat(loop.stableRuns()).isEqualTo(1);
        assertThat(loop.nextMode()).isEqualTo(ProfileMode.COMPLAIN);

        record(ProfileMode.COMPLAIN, run(0));
        assertThat(loop.stableRuns()).isEqualTo(2);
        assertThat(loop.verdict().state()).isEqualTo(TrialLoop.State.ENFORCE_PROPOSED);
        assertThat(loop.nextMode()).isEqualTo(ProfileMode.ENFORCE);

        record(ProfileMode.ENFORCE, run(0));
        assertThat(loop.verdict()).extracting(TrialLoop.Verdict::state, TrialLoop.Verdict::goalMet)
                .containsExactly(TrialLoop.State.COMPLETE, true);
    }

    @Test
    void aStableRunThatStillLogsAllowedEventsSaysEnforceModeWillDenyThem() {
        record(ProfileMode.COMPLAIN, run(0, SECRET, HOSTNAME));
        record(ProfileMode.COMPLAIN, run(0, SECRET, HOSTNAME));
        TrialRunResult third = run(0, SECRET, HOSTNAME);
        record(ProfileMode.COMPLAIN, third);
        assertThat(loop.verdict().state()).isEqualTo(TrialLoop.State.ENFORCE_PROPOSED);
        assertThat(loop.verdict().reason()).contains("Its 2 ALLOWED events are accesses the profile does not grant yet,"
                + " and 2 suggested rules are neither accepted nor rejected: enforce mode will deny what they would allow.");

        // Accepting one and rejecting the other answers them all: only the rejected access stays refused.
        loop.decide(List.of(third.suggestions().get(1)), List.of(third.suggestions().get(0)));
        assertThat(loop.verdict().reason()).endsWith("switch to enforce mode. Enforce mode will deny the accesses whose"
                + " rules you rejected.");

        // A stable run with no ALLOWED event says nothing more.
        record(ProfileMode.COMPLAIN, run(0));
        assertThat(loop.verdict().reason()).endsWith("showed no new event: switch to enforce mode.");
    }

    @Test
    void anEnforceRunWithADenialOrAnotherExitCodeFailsAndTheLoopLearnsAgain() {
        record(ProfileMode.COMPLAIN, run(0));
        record(ProfileMode.COMPLAIN, run(0));
        record(ProfileMode.ENFORCE, run(0, DENIED));
        assertThat(loop.verdict().state()).isEqualTo(TrialLoop.State.ENFORCE_FAILED);
        assertThat(loop.verdict().reason()).contains("1 DENIED events");
        assertThat(loop.nextMode()).isEqualTo(ProfileMode.COMPLAIN);

        record(ProfileMode.ENFORCE, run(3));
        assertThat(loop.verdict().reason()).contains("exited with 3 (expected 0)");
        assertThat(loop.verdict().goalMet()).isFalse();
    }

    @Test
    void aComplainRunThatDoesNotExitNeverCountsAsStable() {
        TrialRunResult stopped = new TrialRunResult(TrialOutcome.TIMED_OUT, "abtest", -1, Duration.ofMinutes(10),
                Map.of(), List.of(), List.of(), "timed out", 0);
        record(ProfileMode.COMPLAIN, stopped);
        record(ProfileMode.COMPLAIN, stopped);
        assertThat(loop.stableRuns()).isZero();
    }

    @Test
    void rejectedSuggestionsAreNotOfferedAgainUnlessAsked() {
        TrialRunResult result = run(0, SECRET, HOSTNAME);
        record(ProfileMode.COMPLAIN, result);
        Suggestion secret = result.suggestions().get(0);
        Suggestion hostname = result.suggestions().get(1);
        loop.decide(List.of(hostname), List.of(secret));

        Iteration decided = loop.session().iterations().get(0);
        assertThat(decided.accepted()).containsExactly(OfferedRule.of(hostname));
        assertThat(decided.rejected()).containsExactly(OfferedRule.of(secret));
        // Every alternative of the rejected suggestion is remembered: a broader form is not offered either.
        assertThat(loop.session().rejected()).contains(new OfferedRule("abtest", "owner /srv/secret r,"));
        TrialRunResult again = run(0, SECRET, HOSTNAME);
        assertThat(loop.offered(again.suggestions(), false)).extracting(OfferedRule::of)
                .containsExactly(OfferedRule.of(hostname));
        assertThat(loop.offered(again.suggestions(), true)).hasSize(2);

        loop.forgetRejections();
        assertThat(loop.offered(again.suggestions(), false)).hasSize(2);
    }

    @Test
    void eachIterationDiffsItsProfileAgainstThePreviousOne() {
        record(ProfileMode.COMPLAIN, run(0, SECRET));
        String changed = PROFILE.replace("cx -> helper,\n", "cx -> helper,\n  owner /srv/secret r,\n");
        Iteration second = loop.record(run(0), ProfileMode.COMPLAIN, Instant.now(), changed, List.of());

        assertThat(loop.session().iterations().get(0).diff()).isEmpty();
        assertThat(second.diff()).contains("--- previous run", "+++ this run", "+  owner /srv/secret r,");
    }
}
