package dev.armorbench.trial.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.trial.RunConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionStoreTest {
    @TempDir
    Path state;

    private static TrialSession session(Path profile) {
        Iteration run = new Iteration(1, "complain", "2026-11-29T06:00:00Z", "EXITED", 0, 4200,
                Map.of("ALLOWED", 12L), List.of("ALLOWED abtest open /etc/app.conf r r"), 1,
                List.of(new OfferedRule("abtest", "owner /etc/app.conf r,")),
                List.of(new OfferedRule("abtest", "owner /etc/app.conf r,")), List.of(), "profile abtest {}\n", "",
                "The container exited with code 0.");
        return TrialSession.start(profile.toString(), RunConfiguration.forImage("img").withNetwork("host"))
                .withIterations(List.of(run))
                .withRejected(List.of(new OfferedRule("abtest//helper", "/srv/** r,")));
    }

    @Test
    void aSavedSessionResumesAsItWas() throws IOException {
        SessionStore store = new SessionStore(state.resolve("trial-sessions"));
        Path profile = state.resolve("abtest.profile").toAbsolutePath();
        TrialSession saved = session(profile);
        store.save(saved);

        SessionStore.Loaded loaded = new SessionStore(state.resolve("trial-sessions")).load(profile);
        assertThat(loaded.warning()).isEmpty();
        assertThat(loaded.session()).contains(saved);
        assertThat(store.fileFor(profile).getFileName().toString()).startsWith("abtest.profile-").endsWith(".json");
    }

    @Test
    void aCorruptSessionIsKeptAsideAndReported() throws IOException {
        SessionStore store = new SessionStore(state.resolve("trial-sessions"));
        Path profile = state.resolve("abtest.profile").toAbsolutePath();
        Files.createDirectories(store.directory());
        Files.writeString(store.fileFor(profile), "{\"profileFile\": \"" + profile + "\", \"iterations\": [ {");

        SessionStore.Loaded loaded = store.load(profile);
        assertThat(loaded.session()).isEmpty();
        assertThat(loaded.warning()).hasValueSatisfying(warning -> assertThat(warning)
                .contains("could not be read").contains("starting a new session").contains(".corrupt-"));
        try (Stream<Path> files = Files.list(store.directory())) {
            List<Path> kept = files.toList();
            assertThat(kept).singleElement().satisfies(file -> {
                assertThat(file.getFileName().toString()).contains(".json.corrupt-");
                assertThat(Files.readString(file)).contains("\"iterations\": [ {");
            });
        }
        // A new session is saved over nothing: the corrupt one stays where it was put.
        store.save(session(profile));
        assertThat(store.load(profile).session()).isPresent();
    }

    @Test
    void theStateDirectoryFollowsXdgStateHome() {
        assertThat(SessionStore.stateDirectory(Map.of("XDG_STATE_HOME", "/x/state", "HOME", "/home/a")))
                .isEqualTo(Path.of("/x/state/armorbench"));
        assertThat(SessionStore.stateDirectory(Map.of("XDG_STATE_HOME", "relative", "HOME", "/home/a")))
                .isEqualTo(Path.of("/home/a/.local/state/armorbench"));
        assertThat(SessionStore.stateDirectory(Map.of("HOME", "/home/a"))).isEqualTo(Path.of("/home/a/.local/state/armorbench"));
    }
}
