package dev.armorbench.ui.docker;

import static dev.armorbench.testing.RecordedTrialRuns.HOSTNAME;
import static dev.armorbench.testing.RecordedTrialRuns.PROFILE;
import static dev.armorbench.testing.RecordedTrialRuns.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.container.ProfileMode;
import dev.armorbench.suggest.Suggestion;
import dev.armorbench.testing.RecordedTrialRuns;
import dev.armorbench.trial.RunConfiguration;
import dev.armorbench.trial.loop.OfferedRule;
import dev.armorbench.trial.loop.SessionStore;
import dev.armorbench.trial.run.TrialRunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The panel's hold on a profile file's loop: recorded, answered one by one, saved, found again. */
class ProfileLoopTest {
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
        return RecordedTrialRuns.run(file, 0, lines);
    }
}
