package dev.armorbench.trial;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * Where the Docker engine listens, and why ArmorBench chose that address: the same order the
 * {@code docker} command uses — {@code DOCKER_HOST}, else the current context ({@code DOCKER_CONTEXT} or
 * {@code currentContext} in {@code ~/.docker/config.json}), else the default socket.
 *
 * @param host    the engine address, e.g. {@code unix:///var/run/docker.sock}
 * @param origin  where the address came from, for the user ("DOCKER_HOST", "Docker context 'x'", "default")
 * @param warning set when a context was named but could not be read, so the default was used instead
 */
public record DockerEndpoint(String host, String origin, Optional<String> warning) {
    public static final String DEFAULT_HOST = "unix:///var/run/docker.sock";

    private static final ObjectMapper JSON = new ObjectMapper();

    public DockerEndpoint {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("an endpoint needs a host");
        }
    }

    /** An endpoint given explicitly (a test engine, a command-line option). */
    public static DockerEndpoint of(String host) {
        return new DockerEndpoint(host, "given", Optional.empty());
    }

    /** Resolves the endpoint for this process's environment and home directory. */
    public static DockerEndpoint resolve() {
        return resolve(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /**
     * Resolves the endpoint for the given environment and home directory.
     *
     * @param environment the variables to consult ({@code DOCKER_HOST}, {@code DOCKER_CONTEXT}, {@code DOCKER_CONFIG})
     * @param home        the user's home directory, holding {@code .docker/} unless {@code DOCKER_CONFIG} says otherwise
     */
    public static DockerEndpoint resolve(Map<String, String> environment, Path home) {
        String fromEnvironment = environment.get("DOCKER_HOST");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return new DockerEndpoint(fromEnvironment.trim(), "DOCKER_HOST", Optional.empty());
        }
        String configVariable = environment.get("DOCKER_CONFIG");
        Path configDirectory = configVariable != null && !configVariable.isBlank()
                ? Path.of(configVariable)
                : home.resolve(".docker");
        String context = environment.get("DOCKER_CONTEXT");
        String contextOrigin = "DOCKER_CONTEXT";
        if (context == null || context.isBlank()) {
            Path config = configDirectory.resolve("config.json");
            if (!Files.isRegularFile(config)) {
                return defaultEndpoint(Optional.empty());
            }
            try {
                JsonNode current = JSON.readTree(config.toFile()).path("currentContext");
                context = current.isTextual() ? current.asText() : null;
            } catch (IOException e) {
                return defaultEndpoint(Optional.of("Could not read " + config + " (" + e.getMessage()
                        + "); using the default socket. Fix or remove that file to use a Docker context."));
            }
            contextOrigin = config.toString();
        }
        // "default" is the built-in context: the default socket, without a meta file.
        if (context == null || context.isBlank() || context.equals("default")) {
            return defaultEndpoint(Optional.empty());
        }
        Path meta = configDirectory.resolve("contexts").resolve("meta").resolve(sha256(context)).resolve("meta.json");
        try {
            JsonNode host = JSON.readTree(meta.toFile()).path("Endpoints").path("docker").path("Host");
            if (host.isTextual() && !host.asText().isBlank()) {
                return new DockerEndpoint(host.asText(), "Docker context '" + context + "'", Optional.empty());
            }
            return defaultEndpoint(Optional.of("Docker context '" + context + "' (named in " + contextOrigin
                    + ") has no docker endpoint in " + meta + "; using the default socket."));
        } catch (IOException e) {
            return defaultEndpoint(Optional.of("Docker context '" + context + "' (named in " + contextOrigin
                    + ") could not be read from " + meta + "; using the default socket. Check it with"
                    + " `docker context ls`."));
        }
    }

    private static DockerEndpoint defaultEndpoint(Optional<String> warning) {
        return new DockerEndpoint(DEFAULT_HOST, "default", warning);
    }

    /** The Docker CLI names each context's directory after the SHA-256 of the context's name. */
    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The socket file for a {@code unix://} endpoint. */
    public Optional<Path> socketPath() {
        return host.startsWith("unix://") ? Optional.of(Path.of(host.substring("unix://".length()))) : Optional.empty();
    }

    /** For display: the address and where it came from. */
    public String describe() {
        return host + " (" + origin + ")";
    }
}
