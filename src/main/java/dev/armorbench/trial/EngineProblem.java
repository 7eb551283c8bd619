package dev.armorbench.trial;

/**
 * Something that went wrong between ArmorBench and the Docker engine, said for the user: what
 * happened and what to do about it. {@link EngineFailures} turns docker-java's exceptions into these.
 *
 * @param kind    what class of problem this is, for code that reacts (e.g. the panel retrying when the engine is back)
 * @param message one or two sentences naming the cause and the fix
 */
public record EngineProblem(Kind kind, String message) {
    public enum Kind {
        /** Nothing listens at the endpoint: the socket is missing, is not a socket, or refuses connections. */
        NO_ENGINE,
        /** The socket exists but this user may not open it. */
        PERMISSION_DENIED,
        /** The engine speaks an API older than ArmorBench needs. */
        ENGINE_TOO_OLD,
        /** The engine went away while a container was running or being watched. */
        ENGINE_GONE,
        /** The image is not in the engine. */
        MISSING_IMAGE,
        /** The container is not (or no longer) in the engine. */
        MISSING_CONTAINER,
        /** The runtime could not apply the AppArmor profile because it is not loaded in the kernel. */
        APPARMOR_PROFILE_NOT_LOADED,
        /** The endpoint's scheme is one ArmorBench cannot speak (ssh://, or TLS). */
        UNSUPPORTED_ENDPOINT,
        /** The engine did not answer within the caller's time limit. */
        TIMED_OUT,
        /** The engine answered with an error of its own; the message carries the engine's words. */
        ENGINE_REFUSED
    }

    public EngineProblem {
        if (kind == null || message == null || message.isBlank()) {
            throw new IllegalArgumentException("a problem needs a kind and a message");
        }
    }

    @Override
    public String toString() {
        return kind + ": " + message;
    }
}
