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
 * keyed by the profile file's absolute, normalised path. The file is read again only when it
 * changed since it was last read or written. A file that cannot be read is set aside (never lost)
 * and reported once ({@link #takeWarning()}); the store then starts empty.
 */
public final class RunConfigurationStore {
    public static final String FILE_NAME = "run-configurations.json";

    private final Path file;
    /** The configurations as last read or written, and the file's stamp then (null: no file). */
    private Map<String, RunConfiguration> current;
    private FileStamp currentStamp;
    private String pendingWarning;
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
     * The saved configuration for a profile file, if any. An unreadable file is set aside and counts
     * as empty; its warning waits in {@link #takeWarning()}.
     */
    public Optional<RunConfiguration> configurationFor(Path profileFile) {
        return Optional.ofNullable(current().get(key(profileFile)));
    }

    /**
     * Saves (replaces) a profile's configuration, atomically, keeping the other profiles' ones. An
     * unreadable file is set aside first (its warning waits in {@link #takeWarning()}) and replaced
     * by a fresh one.
     */
    public synchronized void save(Path profileFile, RunConfiguration configuration) throws IOException {
        Map<String, RunConfiguration> all = new TreeMap<>(current());
        all.put(key(profileFile), configuration);
        Files.createDirectories(file.getParent());
        AtomicFileWriter.write(file, json.writeValueAsBytes(new StoredFile(1, all)));
        current = Map.copyOf(all);
        currentStamp = FileStamp.of(file);
    }

    /**
     * The warning about a file that could not be read and was set aside since the last call, once:
     * for the UI to show, so that the user learns where the configurations went.
     */
    public synchronized Optional<String> takeWarning() {
        Optional<String> warning = Optional.ofNullable(pendingWarning);
        pendingWarning = null;
        return warning;
    }

    /** The configurations in the file, read again only when it changed (someone edited it, another ArmorBench saved). */
    private synchronized Map<String, RunConfiguration> current() {
        FileStamp now = FileStamp.of(file);
        if (current == null || !java.util.Objects.equals(now, currentStamp)) {
            Loaded loaded = load();
            loaded.warning().ifPresent(warning -> pendingWarning = warning);
            current = loaded.byProfile();
            currentStamp = FileStamp.of(file); // none, after a file was set aside
        }
        return current;
    }

    /** When a file was last modified, and its size: what tells that it changed. */
    private record FileStamp(java.nio.file.attribute.FileTime modified, long size) {
        static FileStamp of(Path file) {
            try {
                return new FileStamp(Files.getLastModifiedTime(file), Files.size(file));
            } catch (IOException e) {
                return null; // no file (yet), or none to be read: load() says which
            }
        }
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
