package dev.armorbench.trial;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.exception.DockerException;
import dev.armorbench.trial.EngineProblem.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns what docker-java throws into an {@link EngineProblem} a user can act on. The shapes handled
 * are the ones seen against a real engine (see the project's FACTS.md): a missing socket gives a
 * {@code RuntimeException} wrapping {@code SocketException: No such file or directory}, a killed
 * engine a {@code ConnectionClosedException}, engine errors a {@link DockerException} carrying the
 * HTTP status and the engine's JSON message.
 */
public final class EngineFailures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EngineFailures() {
    }

    /**
     * The problem behind a failed call.
     *
     * @param failure  what the call threw
     * @param endpoint the engine that was called, named in the message
     * @param action   what was being done, e.g. "listing images", for the message
     */
    public static EngineProblem describe(Throwable failure, DockerEndpoint endpoint, String action) {
        if (failure instanceof DockerEngineException known) {
            return known.problem();
        }
        if (failure instanceof DockerException engineError) {
            return fromEngineAnswer(engineError, action);
        }
        String socketError = causeChain(failure).toLowerCase(Locale.ROOT);
        String where = endpoint.host();
        if (socketError.contains("permission denied")) {
            return new EngineProblem(Kind.PERMISSION_DENIED, "Permission denied on " + where
                    + " while " + action + ". Add your user to the group docker (`sudo usermod -aG docker $USER`),"
                    + " then log out and in again; or point DOCKER_HOST at an engine you may use.");
        }
        if (socketError.contains("no such file") || socketError.contains("connection refused")
                || socketError.contains("not a socket") || socketError.contains("unknownhost")
                || socketError.contains("no route to host")) {
            return noEngine(endpoint, action);
        }
        if (socketError.contains("premature end") || socketError.contains("connection reset")
                || socketError.contains("broken pipe") || socketError.contains("connectionclosed")
                || socketError.contains("closed") || socketError.contains("failed to respond")) {
            return engineGone(endpoint, action);
        }
        return new EngineProblem(Kind.ENGINE_REFUSED, "Talking to the Docker engine at " + where + " failed while "
                + action + ": " + causeChain(failure) + ".");
    }

    /** No engine listens at the endpoint; the message says why when the socket file tells. */
    public static EngineProblem noEngine(DockerEndpoint endpoint, String action) {
        Optional<Path> socket = endpoint.socketPath();
        String detail;
        if (socket.isEmpty()) {
            detail = "nothing answers at " + endpoint.host() + ".";
        } else if (!Files.exists(socket.get())) {
            detail = socket.get() + " does not exist.";
        } else if (Files.isRegularFile(socket.get()) || Files.isDirectory(socket.get())) {
            detail = socket.get() + " is not a socket.";
        } else {
            detail = "nothing listens on " + socket.get() + ".";
        }
        return new EngineProblem(Kind.NO_ENGINE, "No Docker engine at " + endpoint.describe() + " while " + action
                + ": " + detail + " Start Docker (`sudo systemctl start docker`) or set DOCKER_HOST to a running engine.");
    }

    /** The engine went away while we were using it. */
    public static EngineProblem engineGone(DockerEndpoint endpoint, String action) {
        return new EngineProblem(Kind.ENGINE_GONE, "The Docker engine at " + endpoint.host()
                + " went away while " + action + ". When it is running again, start the run again.");
    }

    private static EngineProblem fromEngineAnswer(DockerException engineError, String action) {
        String said = engineMessage(engineError);
        String lower = said.toLowerCase(Locale.ROOT);
        if (lower.contains("unable to apply apparmor profile")) {
            return new EngineProblem(Kind.APPARMOR_PROFILE_NOT_LOADED, "The container could not start because its"
                    + " AppArmor profile is not loaded in the kernel. Load the profile first (apparmor_parser -r),"
                    + " and check that its name matches --security-opt apparmor=NAME. The runtime said: " + said);
        }
        if (lower.contains("client version") && lower.contains("too new")) {
            return new EngineProblem(Kind.ENGINE_TOO_OLD, "The Docker engine is too old for this request: " + said
                    + " Upgrade Docker.");
        }
        int status = engineError.getHttpStatus();
        if (status == 404 && lower.contains("no such image")) {
            return new EngineProblem(Kind.MISSING_IMAGE, said + ". Build or pull the image first (`docker pull NAME`),"
                    + " or pick one from the list of images.");
        }
        if (status == 404 && lower.contains("no such container")) {
            return new EngineProblem(Kind.MISSING_CONTAINER, said + ". It was removed, or the engine restarted"
                    + " with a different data root.");
        }
        return new EngineProblem(Kind.ENGINE_REFUSED, "The Docker engine refused " + action
                + (status > 0 ? " (HTTP " + status + ")" : "") + ": " + said);
    }

    /** The engine's own words: docker-java's message is "Status 404: {"message":"..."}". */
    static String engineMessage(DockerException engineError) {
        String raw = engineError.getMessage() == null ? "" : engineError.getMessage().trim();
        int json = raw.indexOf('{');
        if (json >= 0) {
            try {
                JsonNode message = JSON.readTree(raw.substring(json)).path("message");
                if (message.isTextual()) {
                    return message.asText().trim();
                }
            } catch (IOException e) {
                // Not JSON after all: fall through to the raw text.
            }
        }
        return raw.replaceFirst("^Status \\d+: ", "");
    }

    private static String causeChain(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // Class names matter too: ConnectionClosedException has a message that does not say "closed".
            all.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append("; ");
        }
        return all.length() == 0 ? String.valueOf(failure) : all.substring(0, all.length() - 2);
    }
}
