package dev.armorbench.trial.run;

import dev.armorbench.trial.ContainerExit;
import dev.armorbench.trial.ContainerOutputListener;
import dev.armorbench.trial.DockerEngine;
import dev.armorbench.trial.DockerEngineException;
import dev.armorbench.trial.RunConfiguration;
import dev.armorbench.trial.TrialContainer;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Creates and starts the container of a trial run. {@link #docker} is the real one; the seam lets
 * tests of the run's logic go without an engine.
 */
@FunctionalInterface
public interface ContainerLauncher {
    /**
     * Creates and starts a container for {@code configuration} under {@code profileName}, its output
     * to {@code output} from the first byte.
     */
    Launched launch(RunConfiguration configuration, String profileName, ContainerOutputListener output,
            Duration timeout) throws DockerEngineException;

    /** A started container. */
    interface Launched {
        String id();

        ContainerExit awaitExit(Duration timeout) throws DockerEngineException;

        void stop(Duration grace, Duration timeout) throws DockerEngineException;

        /** Removes the container (forced) and stops following its output. */
        void remove(Duration timeout) throws DockerEngineException;
    }

    /** Containers of a Docker engine, labelled as ArmorBench's. */
    static ContainerLauncher docker(DockerEngine engine) {
        return (configuration, profileName, output, timeout) -> {
            TrialContainer container = engine.create(configuration, Optional.of(profileName), timeout);
            Closeable following;
            try {
                following = container.start(output, timeout);
            } catch (DockerEngineException e) {
                try {
                    container.remove(timeout);
                } catch (DockerEngineException ignored) {
                    // The start failure is what the user needs to hear about.
                }
                throw e;
            }
            return new Launched() {
                @Override
                public String id() {
                    return container.id();
                }

                @Override
                public ContainerExit awaitExit(Duration waitFor) throws DockerEngineException {
                    return container.awaitExit(waitFor);
                }

                @Override
                public void stop(Duration grace, Duration waitFor) throws DockerEngineException {
                    container.stop(grace, waitFor);
                }

                @Override
                public void remove(Duration waitFor) throws DockerEngineException {
                    try {
                        following.close();
                    } catch (IOException e) {
                        // Only stops following; the container is removed below either way.
                    }
                    container.remove(waitFor);
                }
            };
        };
    }
}
