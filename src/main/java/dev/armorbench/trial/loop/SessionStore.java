package dev.armorbench.trial.loop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.armorbench.files.AtomicFileWriter;
import dev.armorbench.files.UnreadableFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps each profile file's loop session as JSON under {@code $XDG_STATE_HOME/armorbench/trial-sessions/}
 * (default {@code ~/.local/state}), one file per profile file, so a loop resumes after a restart.
 * A session file that cannot be read is moved aside (never deleted) and reported once.
 */
public final class SessionStore {
    private final Path directory;
    private final ObjectMapper json = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public SessionStore(Path directory) {
        this.directory = directory;
    }

    public static SessionStore forEnvironment(Map<String, String> environment) {
        return new SessionStore(stateDirectory(environment).resolve("trial-sessions"));
    }

    /** {@code $XDG_STATE_HOME/armorbench}, or {@code ~/.local/state/armorbench} when it is unset or relative. */
    public static Path stateDirectory(Map<String, String> environment) {
        String stateHome = environment.get("XDG_STATE_HOME");
        if (stateHome == null || stateHome.isBlank() || !Path.of(stateHome).isAbsolute()) {
            String home = environment.getOrDefault("HOME", System.getProperty("user.home"));
            return Path.of(home, ".local", "state", "armorbench");
        }
        return Path.of(stateHome, "armorbench");
    }

    public Path directory() {
        return directory;
    }

    /** The session file of a profile file: named by a hash of its absolute, normalised path. */
    public Path fileFor(Path profileFile) {
        String key = key(profileFile);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            String name = profileFile.getFileName() == null ? "profile" : profileFile.getFileName().toString()
                    .replaceAll("[^A-Za-z0-9._-]", "_");
            return directory.resolve(name + "-" + HexFormat.of().formatHex(digest, 0, 8) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    static String key(Path profileFile) {
        return profileFile.toAbsolutePath().normalize().toString();
    }

    /**
     * The saved session of a profile file, if any. When the file cannot be read, it is moved aside and
     * the warning says where; the caller starts a new session.
     */
    public Loaded load(Path profileFile) {
        Path file = fileFor(profileFile);
        if (!Files.exists(file)) {
            return new Loaded(Optional.empty(), Optional.empty());
        }
        try {
            TrialSession session = json.readValue(Files.readAllBytes(file), TrialSession.class);
            if (session == null || session.profileFile() == null) {
                throw new JsonProcessingException("the file holds no session") { };
            }
            if (!session.profileFile().equals(key(profileFile))) {
                throw new JsonProcessingException("the file belongs to " + session.profileFile()) { };
            }
            return new Loaded(Optional.of(session), Optional.empty());
        } catch (IOException | RuntimeException e) {
            return new Loaded(Optional.empty(), Optional.of(setAside(file, e)));
        }
    }

    /** Saves the session atomically (a crash leaves the previous one). */
    public void save(TrialSession session) throws IOException {
        Path file = fileFor(Path.of(session.profileFile()));
        Files.createDirectories(directory);
        AtomicFileWriter.write(file, json.writeValueAsBytes(session));
    }

    private static String setAside(Path file, Exception cause) {
        UnreadableFile aside = UnreadableFile.setAside(file, ".corrupt-", cause);
        return "The trial session " + file + " could not be read (" + aside.reason() + "); starting a new session. "
                + aside.outcome();
    }

    /** The session, when there was a readable one, and the warning to show when there was an unreadable one. */
    public record Loaded(Optional<TrialSession> session, Optional<String> warning) {
    }
}
