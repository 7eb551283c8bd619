package dev.armorbench.trial;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.armorbench.trial.RunConfiguration.BindMount;
import dev.armorbench.trial.RunConfiguration.PublishedPort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunConfigurationStoreTest {
    @TempDir
    Path directory;

    static RunConfiguration everything() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("Z_FIRST", "1");
        environment.put("A_SECOND", "two words");
        return RunConfiguration.forImage("app:1")
                .withCommand(List.of("/app/run.sh", "--verbose"))
                .withEnvironment(environment)
                .withMounts(List.of(new BindMount("/srv", "/data", true)))
                .withPorts(List.of(new PublishedPort("127.0.0.1", 8080, 80, "tcp")))
                .withUser("app").withInit(true).withNetwork("none").withReadOnlyRootFilesystem(true)
                .withNoNewPrivileges(true).withCapabilities(List.of("NET_BIND_SERVICE"));
    }

    @Test
    void savesPerProfileFileAndReadsBackEqual() throws Exception {
        RunConfigurationStore store = new RunConfigurationStore(directory.resolve("config"));
        Path web = directory.resolve("profiles/web.profile");
        Path db = directory.resolve("profiles/db.profile");

        store.save(web, everything());
        store.save(db, RunConfiguration.forImage("postgres:16"));
        // A relative spelling of the same file is the same key.
        Path relative = Path.of("").toAbsolutePath().relativize(web);

        assertThat(store.configurationFor(relative)).contains(everything());
        assertThat(store.configurationFor(db)).contains(RunConfiguration.forImage("postgres:16"));
        assertThat(store.configurationFor(directory.resolve("other.profile"))).isEmpty();
        assertThat(store.load().byProfile()).containsOnlyKeys(web.toString(), db.toString());
        // The environment keeps its order through JSON.
        assertThat(store.configurationFor(web).orElseThrow().environment().keySet()).containsExactly("Z_FIRST", "A_SECOND");
    }

    @Test
    void fieldsMissingFromTheFileReadAsTheDefaults() throws Exception {
        Files.writeString(directory.resolve(RunConfigurationStore.FILE_NAME),
                "{\"version\":1,\"byProfile\":{\"/p/a.profile\":{\"image\":\"busybox\",\"capabilities\":[\"cap_chown\"],"
                        + "\"someFutureField\":true}}}");

        RunConfiguration read = new RunConfigurationStore(directory).configurationFor(Path.of("/p/a.profile")).orElseThrow();

        assertThat(read).isEqualTo(RunConfiguration.forImage("busybox").withCapabilities(List.of("CHOWN")));
        assertThat(read.keepDefaultCapabilities()).isFalse();
    }

    @Test
    void anUnreadableFileIsSetAsideAndReportedOnce() throws Exception {
        Path file = directory.resolve(RunConfigurationStore.FILE_NAME);
        Files.writeString(file, "{ broken");
        RunConfigurationStore store = new RunConfigurationStore(directory);

        RunConfigurationStore.Loaded loaded = store.load();

        assertThat(loaded.byProfile()).isEmpty();
        assertThat(loaded.warning()).hasValueSatisfying(warning ->
                assertThat(warning).contains(file.toString()).contains("kept as"));
        try (var kept = Files.list(directory)) {
            assertThat(kept.filter(p -> p.getFileName().toString().startsWith(RunConfigurationStore.FILE_NAME + ".unreadable-")))
                    .singleElement().satisfies(p -> assertThat(Files.readString(p)).isEqualTo("{ broken"));
        }
        assertThat(store.load().warning()).isEmpty();
        store.save(Path.of("/p/a.profile"), everything());
        assertThat(store.configurationFor(Path.of("/p/a.profile"))).contains(everything());
    }

    @Test
    void aFileBrokenWhileTheAppRunsIsSetAsideAndItsWarningWaitsForTheUi() throws Exception {
        RunConfigurationStore store = new RunConfigurationStore(directory);
        Path profile = Path.of("/p/a.profile");
        store.save(profile, everything());
        assertThat(store.configurationFor(profile)).contains(everything());
        assertThat(store.takeWarning()).isEmpty();

        // Someone edits the file by hand and breaks it.
        Path file = directory.resolve(RunConfigurationStore.FILE_NAME);
        Files.writeString(file, "{ broken by hand");
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 2_000));

        assertThat(store.configurationFor(profile)).isEmpty();
        assertThat(store.takeWarning()).hasValueSatisfying(warning ->
                assertThat(warning).contains(file.toString()).contains("kept as"));
        assertThat(store.takeWarning()).isEmpty(); // once
        try (var kept = Files.list(directory)) {
            assertThat(kept.filter(p -> p.getFileName().toString().startsWith(RunConfigurationStore.FILE_NAME + ".unreadable-")))
                    .singleElement().satisfies(p -> assertThat(Files.readString(p)).isEqualTo("{ broken by hand"));
        }
    }

    @Test
    void anEditOfTheFileFromOutsideIsReadAgain() throws Exception {
        RunConfigurationStore store = new RunConfigurationStore(directory);
        Path profile = Path.of("/p/a.profile");
        store.save(profile, RunConfiguration.forImage("busybox"));
        assertThat(store.configurationFor(profile)).contains(RunConfiguration.forImage("busybox"));

        Path file = directory.resolve(RunConfigurationStore.FILE_NAME);
        Files.writeString(file, Files.readString(file).replace("busybox", "alpine:3"));
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 2_000));

        assertThat(store.configurationFor(profile)).contains(RunConfiguration.forImage("alpine:3"));
    }

    @Test
    void theJsonIsReadableByPeople() throws Exception {
        String json = new ObjectMapper().writeValueAsString(everything());

        assertThat(json).contains("\"image\":\"app:1\"").contains("\"capabilities\":[\"NET_BIND_SERVICE\"]")
                .contains("\"readOnlyRootFilesystem\":true").doesNotContain("problems");
    }

    @Test
    void problemsNameWhatToFix() {
        RunConfiguration bad = RunConfiguration.forImage("")
                .withCapabilities(List.of("NET_BIND_SERVICE", "FLY"))
                .withEnvironment(Map.of("A=B", "x"))
                .withMounts(List.of(new BindMount("relative", "also-relative", false)))
                .withPorts(List.of(new PublishedPort("", 70000, 80, "tcp")));

        assertThat(bad.problems()).containsExactly(
                "Choose an image to run.",
                "Unknown capability FLY: use a name from capabilities(7) such as NET_BIND_SERVICE.",
                "Environment variable name 'A=B' is empty or contains '='.",
                "Mount target 'also-relative' must be an absolute path in the container.",
                "Mount source 'relative' must be an absolute path on the host.",
                "Port 70000:80 is out of range.");
        assertThat(everything().problems()).isEmpty();
    }
}
