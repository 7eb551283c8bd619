package dev.armorbench.ui.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.armorbench.files.AtomicFileWriter;
import dev.armorbench.files.UnreadableFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes {@link Settings} as JSON in {@code $XDG_CONFIG_HOME/armorbench/settings.json}.
 * Settings are a convenience: a file that cannot be read never stops the app; it is set aside (so
 * nothing is lost), reported once, and replaced by the defaults.
 */
public final class SettingsStore {
    public static final String FILE_NAME = "settings.json";

    private final Path file;
    private final ObjectMapper json = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public SettingsStore(Path directory) {
        this.file = directory.resolve(FILE_NAME);
    }

    /** The store in the XDG configuration directory of the given environment. */
    public static SettingsStore forEnvironment(Map<String, String> environment) {
        return new SettingsStore(configDirectory(environment));
    }

    /** {@code $XDG_CONFIG_HOME/armorbench}, or {@code ~/.config/armorbench} when it is unset or relative. */
    public static Path configDirectory(Map<String, String> environment) {
        String configHome = environment.get("XDG_CONFIG_HOME");
        // The XDG specification says a relative value is invalid and must be ignored.
        if (configHome == null || configHome.isBlank() || !Path.of(configHome).isAbsolute()) {
            String home = environment.getOrDefault("HOME", System.getProperty("user.home"));
            return Path.of(home, ".config", "armorbench");
        }
        return Path.of(configHome, "armorbench");
    }

    public Path file() {
        return file;
    }

    /** The settings, or the defaults with one warning that says what went wrong and where the old file went. */
    public Loaded load() {
        if (!Files.exists(file)) {
            return new Loaded(Settings.defaults(), Optional.empty());
        }
        try {
            Settings settings = json.readValue(Files.readAllBytes(file), Settings.class);
            if (settings == null) {
                throw new JsonProcessingException("the file is empty or holds null") { };
            }
            return new Loaded(settings, Optional.empty());
        } catch (IOException | RuntimeException e) {
            return new Loaded(Settings.defaults(), Optional.of(replaceUnreadable(e)));
        }
    }

    private String replaceUnreadable(Exception cause) {
        UnreadableFile aside = UnreadableFile.setAside(file, ".unreadable-", cause);
        String written = "";
        if (aside.keptAs().isPresent()) {
            try {
                save(Settings.defaults());
            } catch (IOException e) {
                written = " The default settings could not be written either (" + e.getMessage()
                        + "); check the permissions of " + file.getParent() + ".";
            }
        }
        return "Settings file " + file + " could not be read (" + aside.reason() + "); default settings are used. "
                + aside.outcome() + written;
    }

    /** Writes the settings atomically, creating the directory when needed. */
    public void save(Settings settings) throws IOException {
        Files.createDirectories(file.getParent());
        AtomicFileWriter.write(file, json.writeValueAsBytes(settings));
    }

    /** The settings read at start and, when the file was unreadable, the one warning to show. */
    public record Loaded(Settings settings, Optional<String> warning) {
    }
}
