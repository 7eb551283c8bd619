package dev.armorbench.trial;

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
import java.util.TreeMap;

/**
 * The run configurations of all profiles, in one JSON file next to the settings
 * ({@code run-configurations.json} in the directory given, normally {@code $XDG_CONFIG_HOME/armorbench}),
 * keyed by the profile file's absolute, normalised path. A file that cannot be read is set aside
 * (never lost) and reported once; the store then starts empty.
 */
public final class RunConfigurationStore {
    public static final String FILE_NAME = "run-configurations.json";

    private final Path file;
    // The outer map is a TreeMap (stable file order); an environment keeps the order the user gave.
    private final ObjectMapper json = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public RunConfigurationStore(Path directory) {
        this.file = directory.resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    /** The configurations by profile file, and the one warning to show when the file was unreadable. */
    public Loaded load() {
        if (!Files.exists(file)) {
            return new Loaded(Map.of(), Optional.empty());
        }
        try {
            StoredFile stored = json.readValue(Files.readAllBytes(file), StoredFile.class);
            if (stored == null || stored.byProfile() == null) {
                throw new JsonProcessingException("the file holds no \"byProfile\" object") { };
            }
            return new Loaded(Map.copyOf(stored.byProfile()), Optional.empty());
        } catch (IOException | RuntimeException e) {
            return new Loaded(Map.of(), Optional.of(setAside(e)));
        }
    }

    /**
     * The saved configuration for a profile file, if any. An unreadable file counts as empty here;
     * {@link #load()} (called once at start) is where its warning is reported.
     */
    public Optional<RunConfiguration> configurationFor(Path profileFile) {
        return Optional.ofNullable(load().byProfile().get(key(profileFile)));
    }

    /**
     * Saves (replaces) a profile's configuration, atomically, keeping the other profiles' ones. An
     * unreadable file has been set aside by {@link #load()} and is replaced by a fresh one.
     */
    public void save(Path profileFile, RunConfiguration configuration) throws IOException {
        Map<String, RunConfiguration> all = new TreeMap<>(load().byProfile());
        all.put(key(profileFile), configuration);
        Files.createDirectories(file.getParent());
        AtomicFileWriter.write(file, json.writeValueAsBytes(new StoredFile(1, all)));
    }

    /** The key for a profile file: its absolute, normalised path, so that {@code ./a} and {@code a} are one. */
    static String key(Path profileFile) {
        return profileFile.toAbsolutePath().normalize().toString();
    }

    private String setAside(Exception cause) {
        UnreadableFile aside = UnreadableFile.setAside(file, ".unreadable-", cause);
        return "Run configurations file " + file + " could not be read (" + aside.reason() + "); starting without saved"
                + " run configurations. " + aside.outcome();
    }

    /** The configurations read and, when the file was unreadable, the warning to show once. */
    public record Loaded(Map<String, RunConfiguration> byProfile, Optional<String> warning) {
    }

    /** The file's shape; the version lets a later format be told apart. */
    record StoredFile(int version, Map<String, RunConfiguration> byProfile) {
    }
}
