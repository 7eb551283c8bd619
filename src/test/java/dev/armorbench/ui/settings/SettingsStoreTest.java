package dev.armorbench.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {
    @TempDir
    Path temp;

    @Test
    void aMissingFileGivesDefaultsWithoutWarning() {
        SettingsStore.Loaded loaded = new SettingsStore(temp).load();
        assertThat(loaded.settings()).isEqualTo(Settings.defaults());
        assertThat(loaded.warning()).isEmpty();
    }

    @Test
    void settingsSurviveARoundTrip() throws Exception {
        SettingsStore store = new SettingsStore(temp.resolve("nested"));
        Settings settings = Settings.defaults()
                .withTheme(Settings.Theme.DARK)
                .withRecentFile("/a.profile")
                .withRecentFile("/b.profile")
                .withLastDirectory("/srv")
                .withWindow(new Settings.WindowBounds(10, 20, 900, 700, false));
        store.save(settings);
        assertThat(store.load()).isEqualTo(new SettingsStore.Loaded(settings, java.util.Optional.empty()));
        assertThat(settings.recentFiles()).containsExactly("/b.profile", "/a.profile");
    }

    @Test
    void aCorruptFileGivesDefaultsAndExactlyOneWarningAndIsKeptAside() throws Exception {
        Path file = temp.resolve(SettingsStore.FILE_NAME);
        Files.writeString(file, "{ \"theme\": \"DARK\", \"recentFiles\": [ broken");
        SettingsStore store = new SettingsStore(temp);

        SettingsStore.Loaded first = store.load();
        assertThat(first.settings()).isEqualTo(Settings.defaults());
        assertThat(first.warning()).hasValueSatisfying(warning -> assertThat(warning)
                .contains(file.toString()).contains("default settings are used").contains("kept as"));

        // Replaced by the defaults: the next start is quiet, and the broken text was not thrown away.
        SettingsStore.Loaded second = store.load();
        assertThat(second.warning()).isEmpty();
        try (var files = Files.list(temp)) {
            List<Path> aside = files.filter(p -> p.getFileName().toString().startsWith("settings.json.unreadable-"))
                    .toList();
            assertThat(aside).hasSize(1);
            assertThat(Files.readString(aside.get(0))).isEqualTo("{ \"theme\": \"DARK\", \"recentFiles\": [ broken");
        }
    }

    @Test
    void wrongTypesAndNullCountAsCorrupt() throws Exception {
        Files.writeString(temp.resolve(SettingsStore.FILE_NAME), "null");
        assertThat(new SettingsStore(temp).load().warning()).isPresent();
        Files.writeString(temp.resolve(SettingsStore.FILE_NAME), "{\"theme\": 42}");
        assertThat(new SettingsStore(temp).load().warning()).isPresent();
    }

    @Test
    void unknownKeysFromANewerVersionAreIgnored() throws Exception {
        Files.writeString(temp.resolve(SettingsStore.FILE_NAME), "{\"theme\":\"DARK\",\"futureOption\":true}");
        SettingsStore.Loaded loaded = new SettingsStore(temp).load();
        assertThat(loaded.warning()).isEmpty();
        assertThat(loaded.settings().theme()).isEqualTo(Settings.Theme.DARK);
    }

    @Test
    void configDirectoryFollowsXdg() {
        assertThat(SettingsStore.configDirectory(Map.of("XDG_CONFIG_HOME", "/x/config", "HOME", "/home/u")))
                .isEqualTo(Path.of("/x/config/armorbench"));
        assertThat(SettingsStore.configDirectory(Map.of("HOME", "/home/u")))
                .isEqualTo(Path.of("/home/u/.config/armorbench"));
        assertThat(SettingsStore.configDirectory(Map.of("XDG_CONFIG_HOME", "relative", "HOME", "/home/u")))
                .isEqualTo(Path.of("/home/u/.config/armorbench"));
    }

    @Test
    void recentFilesAreUniqueAndBounded() {
        Settings settings = Settings.defaults();
        for (int i = 0; i < 15; i++) {
            settings = settings.withRecentFile("/f" + i);
        }
        settings = settings.withRecentFile("/f7");
        assertThat(settings.recentFiles()).hasSize(Settings.MAX_RECENT_FILES).startsWith("/f7", "/f14")
                .doesNotHaveDuplicates();
    }
}
