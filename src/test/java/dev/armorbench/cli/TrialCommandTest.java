package dev.armorbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code armorbench trial} up to where this machine lets it go: it has no AppArmor, so the loader
 * refuses and the first run ends there. The runs themselves are proven in the AppArmor guest
 * ({@code TrialLoopIT}).
 */
class TrialCommandTest {
    private static final List<String> TRIAL = List.of("trial");

    @TempDir
    Path dir;

    private Path profile() throws IOException {
        Path file = dir.resolve("abtrial.profile");
        Files.writeString(file, "profile abtrial flags=(complain) {\n  /etc/app.conf r,\n}\n");
        return file;
    }

    @Test
    void aModeOtherThanComplainOrEnforceIsAUsageError() throws IOException {
        CommandRun run = CommandRun.of(TRIAL, "--profile", profile().toString(), "--image", "img", "--mode", "kill");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--mode kill: use complain or enforce");
    }

    @Test
    void aMissingProfileFileIsNamed() {
        CommandRun run = CommandRun.of(TRIAL, "--profile", dir.resolve("nope.profile").toString(), "--image", "img");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("nope.profile: no such profile file");
    }

    @Test
    void withoutAppArmorTheFirstRunEndsAtTheLoadWithTheLoadersReason() throws IOException {
        assumeTrue(!Files.exists(Path.of("/sys/module/apparmor")), "this machine has AppArmor; TrialLoopIT covers it");
        Path file = profile();
        String before = Files.readString(file);

        CommandRun run = CommandRun.of(TRIAL, "--profile", file.toString(), "--image", "img", "--until-stable",
                "--apply", "--format", "json");

        assertThat(run.exit()).isEqualTo(1);
        JsonNode summary = new ObjectMapper().readTree(run.out());
        assertThat(summary.path("runs")).hasSize(1);
        assertThat(summary.path("runs").get(0).path("outcome").asText()).isEqualTo("load_failed");
        assertThat(summary.path("runs").get(0).path("mode").asText()).isEqualTo("complain");
        assertThat(summary.path("verdict").path("goal_met").asBoolean()).isFalse();
        assertThat(summary.path("verdict").path("reason").asText()).contains("AppArmor");
        assertThat(summary.path("session_file").asText()).contains("trial-sessions/abtrial.profile-");
        // Progress goes to stderr, so stdout is the JSON alone; nothing was learned, nothing written.
        assertThat(run.err()).contains("run 1 (complain)");
        assertThat(Files.readString(file)).isEqualTo(before);
        assertThat(dir.resolve("abtrial.profile.bak")).doesNotExist();
    }
}
