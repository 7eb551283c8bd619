package dev.armorbench.trial;

import java.util.Optional;

/**
 * Receives a container's output as it is written, on a docker-java thread (a UI must hand it over
 * to its own thread). Text is decoded as UTF-8 per stream; a character split across frames is held
 * back until its last byte arrives.
 */
public interface ContainerOutputListener {
    /** A piece of output, in the order the container wrote it on that stream. */
    void onOutput(OutputChannel channel, String text);

    /**
     * Called once when the output ends: with no problem when the container's output ended because
     * it exited or was stopped; with {@link EngineProblem.Kind#ENGINE_GONE} when the engine went away.
     */
    default void onEnd(Optional<EngineProblem> problem) {
    }
}
