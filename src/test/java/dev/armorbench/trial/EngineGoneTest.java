package dev.armorbench.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.armorbench.testing.docker.BusyboxImages;
import dev.armorbench.testing.docker.PrivateDockerEngine;
import dev.armorbench.testing.docker.RealDockerEngine;
import dev.armorbench.trial.EngineProblem.Kind;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine stopping in the middle of a run. Each test starts an engine of its own, because it
 * stops it. A graceful stop ends the log stream exactly like an exit would, so only a fresh
 * connection tells them apart; a killed engine cuts the stream.
 */
class EngineGoneTest {
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    PrivateDockerEngine testEngine;
    DockerEngine engine;

    @BeforeEach
    void startEngine() throws Exception {
        RealDockerEngine.requireEngineTools();
        testEngine = PrivateDockerEngine.start();
        BusyboxImages.build(testEngine);
        engine = DockerEngine.connect(testEngine.endpoint());
    }

    @AfterEach
    void stopEngine() throws Exception {
        if (engine != null) {
            engine.close();
        }
        if (testEngine != null) {
            testEngine.close();
        }
    }

    @Test
    void theEngineStoppingMidRunIsReportedAsGoneNotAsAnExit() throws Exception {
        RunConfiguration configuration = RunConfiguration.forImage(BusyboxImages.SHELL_FORM)
                .withInit(true)
                .withCommand(List.of("/bin/sh", "-c", "while true; do echo tick; sleep 0.2; done"));
        TrialContainer container = engine.create(configuration, Optional.empty(), TIMEOUT);
        RecordedOutput output = new RecordedOutput();
        container.start(output, TIMEOUT);
        output.awaitText(OutputChannel.STDOUT, "tick\n", TIMEOUT);
        CompletableFuture<Object> exit = CompletableFuture.supplyAsync(() -> {
            try {
                return container.awaitExit(TIMEOUT);
            } catch (DockerEngineException e) {
                return e.problem();
            }
        });

        testEngine.stop();

        assertThat(output.awaitEnd(TIMEOUT)).hasValueSatisfying(problem -> {
            assertThat(problem.kind()).isEqualTo(Kind.ENGINE_GONE);
            assertThat(problem.message()).contains("went away").contains("start the run again");
        });
        assertThat(exit.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isInstanceOfSatisfying(EngineProblem.class,
                problem -> assertThat(problem.kind()).isEqualTo(Kind.ENGINE_GONE));
        assertThatThrownBy(() -> container.state(TIMEOUT)).isInstanceOfSatisfying(DockerEngineException.class,
                e -> assertThat(e.problem().kind()).isEqualTo(Kind.ENGINE_GONE));
        assertThatThrownBy(() -> engine.ping(TIMEOUT)).isInstanceOfSatisfying(DockerEngineException.class,
                e -> assertThat(e.problem().kind()).isEqualTo(Kind.NO_ENGINE));
    }

    @Test
    void aKilledEngineCutsTheOutputAndIsReportedAsGone() throws Exception {
        RunConfiguration configuration = RunConfiguration.forImage(BusyboxImages.SHELL_FORM)
                .withInit(true)
                .withCommand(List.of("/bin/sh", "-c", "while true; do echo tick; sleep 0.2; done"));
        TrialContainer container = engine.create(configuration, Optional.empty(), TIMEOUT);
        RecordedOutput output = new RecordedOutput();
        container.start(output, TIMEOUT);
        output.awaitText(OutputChannel.STDOUT, "tick\n", TIMEOUT);

        testEngine.kill();

        assertThat(output.awaitEnd(TIMEOUT)).hasValueSatisfying(problem ->
                assertThat(problem.kind()).isEqualTo(Kind.ENGINE_GONE));
        assertThatThrownBy(() -> container.awaitExit(TIMEOUT)).isInstanceOfSatisfying(DockerEngineException.class,
                e -> assertThat(e.problem().kind()).isEqualTo(Kind.ENGINE_GONE));
        assertThatThrownBy(() -> engine.ping(TIMEOUT)).isInstanceOfSatisfying(DockerEngineException.class,
                e -> assertThat(e.problem().kind()).isEqualTo(Kind.NO_ENGINE));
    }
}
