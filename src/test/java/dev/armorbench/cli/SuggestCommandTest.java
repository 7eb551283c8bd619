package dev.armorbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuggestCommandTest {
    private static final String LOG = "type=AVC msg=audit(1.2:3): apparmor=\"DENIED\" operation=\"open\" profile=\"%s\""
            + " name=\"%s\" pid=1 comm=\"cat\" requested_mask=\"r\" denied_mask=\"r\" fsuid=0 ouid=1\n";

    @TempDir
    Path dir;

    private CommandRun suggest(String... args) {
        return CommandRun.of(List.of("suggest"), args);
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void withoutProfilesPrintsNewProfilesLikeAaLogprof() throws IOException {
        Path log = write("log", String.format(LOG, "/usr/bin/x", "/etc/hosts") + String.format(LOG, "svc", "/etc/a b"));
        CommandRun run = suggest("--log", log.toString(), "--format", "profile");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("/usr/bin/x {\n  /etc/hosts r,\n\n}\nprofile svc {\n  \"/etc/a b\" r,\n\n}\n");
    }

    @Test
    void eventsNoRuleCanAllowAreCountedOnStderr() throws IOException {
        Path log = write("log", "type=AVC msg=audit(1.2:3): apparmor=\"DENIED\" operation=\"module\" profile=\"p\""
                + " name=\"/lib/modules/x.ko\" pid=1 comm=\"insmod\" requested_mask=\"load_file\""
                + " denied_mask=\"load_file\"\n" + String.format(LOG, "p", "/etc/hosts"));
        CommandRun run = suggest("--log", log.toString(), "--format", "profile");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("profile p {\n  /etc/hosts r,\n\n}\n");
        assertThat(run.err()).contains(log + ": 1 event asked for what no rule allows here: kernel module (1);"
                + " no rule is suggested for them.");
    }

    @Test
    void diffShowsTheEditOfTheGivenProfile() throws IOException {
        Path log = write("log", String.format(LOG, "p", "/etc/hosts") + String.format(LOG, "p", "/etc/passwd"));
        Path profile = write("p.profile", "profile p {\n  /etc/passwd r,\n}\n");
        CommandRun run = suggest("--log", log.toString(), "--profile", profile.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("--- " + profile + "\n+++ " + profile + "\n@@ -1,3 +1,4 @@\n profile p {\n"
                + "   /etc/passwd r,\n+  /etc/hosts r,\n }\n");
        assertThat(Files.readString(profile)).isEqualTo("profile p {\n  /etc/passwd r,\n}\n");
    }

    @Test
    void jsonListsSuggestionsWithAlternativesAndEvents() throws IOException {
        Path log = write("log", String.format(LOG, "p", "/proc/42/status") + String.format(LOG, "p", "/proc/42/status"));
        Path profile = write("p.profile", "profile p {\n}\n");
        CommandRun run = suggest("--log", log.toString(), "--profile", profile.toString(), "--format", "json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        JsonNode s = json.path("suggestions").get(0);
        assertThat(s.path("profile_file").asText()).isEqualTo(profile.toString());
        assertThat(s.path("profile").asText()).isEqualTo("p");
        assertThat(s.path("rule").asText()).isEqualTo("/proc/*/status r,");
        assertThat(s.path("alternatives").get(0).path("rule").asText()).isEqualTo("/proc/42/status r,");
        assertThat(s.path("events").path("count").asInt()).isEqualTo(2);
        assertThat(s.path("events").path("example_comm").asText()).isEqualTo("cat");
    }

    @Test
    void severalLogsAreReadAsOneAndStdinOnlyAlone() throws IOException {
        Path older = write("kern.log.1", String.format(LOG, "p", "/etc/hosts"));
        Path newer = write("kern.log", String.format(LOG, "p", "/etc/passwd"));
        CommandRun run = suggest("--log", older.toString(), "--log", newer.toString(), "--format", "profile");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("profile p {\n  /etc/hosts r,\n  /etc/passwd r,\n\n}\n");

        CommandRun missing = suggest("--log", older.toString(), "--log", dir.resolve("kern.log.2").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains(dir.resolve("kern.log.2") + ": no such file; check the path.");
        assertThat(suggest("--log", "-", "--log", newer.toString()).exit()).isEqualTo(2);
    }

    @Test
    void logsAfterTheOptionsAreReadAfterThoseOfLog() throws IOException {
        Path older = write("kern.log.1", String.format(LOG, "p", "/etc/hosts"));
        Path newer = write("kern.log", String.format(LOG, "p", "/etc/passwd"));
        CommandRun run = suggest("--format", "json", "--log", older.toString(), newer.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).containsSubsequence("/etc/hosts", "/etc/passwd");

        CommandRun alone = suggest("--format", "profile", newer.toString());
        assertThat(alone.exit()).as(alone.err()).isZero();
        assertThat(alone.out()).isEqualTo("profile p {\n  /etc/passwd r,\n\n}\n");
    }

    @Test
    void noLogAtAllSaysHowToNameOne() {
        CommandRun run = suggest("--format", "diff");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("armorbench suggest: no log to read: name one with --log FILE (or FILE after the"
                + " options), or --log - for stdin.\n");
    }

    @Test
    void aMissingLogIsAMessageNotATrace() {
        CommandRun run = suggest("--log", dir.resolve("nope").toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("no such file; check the path");
    }
}
