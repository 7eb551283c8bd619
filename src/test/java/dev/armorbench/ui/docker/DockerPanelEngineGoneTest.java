package dev.armorbench.ui.docker;

import static dev.armorbench.ui.docker.PanelDriver.fx;
import static dev.armorbench.ui.docker.PanelDriver.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.testing.docker.BusyboxImages;
import dev.armorbench.testing.docker.PrivateDockerEngine;
import dev.armorbench.testing.docker.RealDockerEngine;
import dev.armorbench.trial.DockerEndpoint;
import dev.armorbench.trial.RunConfiguration;
import dev.armorbench.trial.RunConfigurationStore;
import dev.armorbench.ui.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The engine stopping in the middle of a run (an engine of the test's own, which it stops), and a
 * new engine appearing at the same address: the run ends saying so, the header says what is wrong,
 * and the panel is back by itself once an engine answers.
 */
@ExtendWith(ApplicationExtension.class)
class DockerPanelEngineGoneTest {
    @TempDir
    Path temp;

    private MainWindow window;
    private Path socketLink;
    private Path profile;
    private PrivateDockerEngine first;
    private PrivateDockerEngine second;

    @BeforeAll
    static void requireEngineTools() {
        RealDockerEngine.requireEngineTools();
    }

    @Start
    void start(Stage stage) throws Exception {
        first = PrivateDockerEngine.start();
        BusyboxImages.build(first);
        Path config = temp.resolve("config");
        socketLink = temp.resolve("docker.sock");
        Files.createSymbolicLink(socketLink, first.socket());
        profile = temp.resolve("abtest.profile");
        Files.writeString(profile, "profile abtest flags=(complain) {\n  /bin/** rix,\n}\n");
        new RunConfigurationStore(config).save(profile, RunConfiguration.forImage(BusyboxImages.SHELL_FORM)
                .withCommand(List.of("/bin/sh", "-c", "echo running; while true; do sleep 1; done")));
        window = PanelDriver.window(stage, config, DockerEndpoint.of("unix://" + socketLink),
                PanelDriver.trialsWithoutAppArmor());
    }

    @AfterEach
    void stopEngines() {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
    }

    @Test
    void anEngineThatStopsWhileNothingIsAskedOfItIsShownAsGone(FxRobot robot) throws Exception {
        robot.interact(() -> window.setDockerPanelShown(true));
        DockerPanel panel = window.dockerPanel();
        waitUntil(60, () -> panel.connection().state().isConnected());

        first.stop();
        // No call is made now: the connection's own quiet check (every EngineConnection.CHECK_AFTER) notices.
        waitUntil(90, () -> panel.connection().state().phase() == EngineState.Phase.UNAVAILABLE);
        assertThat(fx(() -> robot.lookup("#docker-engine-problem-title").queryAs(Label.class).getText()))
                .isEqualTo("No Docker engine is running");
    }

    @Test
    void theEngineGoingAwayMidRunIsSaidAndThePanelRecoversWhenAnEngineIsBack(FxRobot robot) throws Exception {
        robot.interact(() -> window.open(profile));
        robot.interact(() -> window.setDockerPanelShown(true));
        DockerPanel panel = window.dockerPanel();
        waitUntil(60, () -> panel.connection().state().isConnected());
        robot.interact(window::runTrial);
        TrialRunPane run = panel.runPane();
        waitUntil(90, () -> run.output().text().contains("running\n"));

        first.stop();
        waitUntil(90, () -> !run.runningProperty().get());
        assertThat(fx(() -> run.status().getText())).startsWith("Failed: ").contains("went away");
        assertThat(fx(() -> panel.history().getItems().get(0).outcome())).isEqualTo("container failed");
        // The run's end asks the engine again; that call may take up to EngineConnection.CALL_TIMEOUT
        // (20 s) before it says the engine is unavailable, so wait well past it (30 s once was not enough).
        waitUntil(90, () -> panel.connection().state().phase() == EngineState.Phase.UNAVAILABLE);
        assertThat(fx(() -> robot.lookup("#docker-engine-problem-title").queryAs(Label.class).getText()))
                .isEqualTo("No Docker engine is running");
        assertThat(fx(() -> robot.lookup("#docker-run-button").query().isDisabled())).isFalse();

        // An engine at the address again: the panel finds it without being asked.
        second = PrivateDockerEngine.start();
        Files.delete(socketLink);
        Files.createSymbolicLink(socketLink, second.socket());
        waitUntil(60, () -> panel.connection().state().isConnected());
        assertThat(fx(() -> robot.lookup("#docker-engine-problem-box").query().isVisible())).isFalse();
    }
}
