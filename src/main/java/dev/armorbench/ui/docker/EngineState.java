package dev.armorbench.ui.docker;

import dev.armorbench.trial.DockerEndpoint;
import dev.armorbench.trial.EngineProblem;
import dev.armorbench.trial.EngineStatus;
import java.util.Optional;

/**
 * What the panel knows about the Docker engine right now.
 *
 * @param phase    connecting, connected or unavailable
 * @param endpoint where the panel looks for the engine
 * @param status   the engine's own description, when connected
 * @param problem  why the engine cannot be used, when unavailable
 */
public record EngineState(Phase phase, DockerEndpoint endpoint, Optional<EngineStatus> status,
                          Optional<EngineProblem> problem) {
    public enum Phase { NOT_CONNECTED, CONNECTING, CONNECTED, UNAVAILABLE }

    static EngineState notConnected(DockerEndpoint endpoint) {
        return new EngineState(Phase.NOT_CONNECTED, endpoint, Optional.empty(), Optional.empty());
    }

    static EngineState connecting(DockerEndpoint endpoint) {
        return new EngineState(Phase.CONNECTING, endpoint, Optional.empty(), Optional.empty());
    }

    static EngineState connected(EngineStatus status) {
        return new EngineState(Phase.CONNECTED, status.endpoint(), Optional.of(status), Optional.empty());
    }

    static EngineState unavailable(DockerEndpoint endpoint, EngineProblem problem) {
        return new EngineState(Phase.UNAVAILABLE, endpoint, Optional.empty(), Optional.of(problem));
    }

    public boolean isConnected() {
        return phase == Phase.CONNECTED;
    }
}
