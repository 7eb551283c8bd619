package dev.armorbench.ui.docker;

import static dev.armorbench.ui.docker.PanelDriver.fx;
import static dev.armorbench.ui.docker.PanelDriver.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.container.ImageConfig;
import dev.armorbench.testing.docker.BusyboxImages;
import dev.armorbench.testing.docker.PrivateDockerEngine;
import dev.armorbench.testing.docker.RealDockerEngine;
import dev.armorbench.trial.ConfinementLabel;
import dev.armorbench.trial.DockerEndpoint;
import dev.armorbench.trial.ImageSummary;
import dev.armorbench.ui.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Docker panel against a real engine of the tests' own with the busybox test images: pick an
 * image, run the profile's container, see its output and processes, stop it; and the engine coming
 * back after it was missing. The kernel has no AppArmor, so the profile is not loaded (the engine
 * ignores {@code --security-opt apparmor=}) and the AppArmor events are recorded kernel lines.
 */
@ExtendWith({RealDockerEngine.class, ApplicationExtension.class})
class DockerPanelEngineTest {
    static PrivateDockerEngine engine;

    @TempDir
    static Path temp;

    private MainWindow window;
    private Path socketLink;

    @BeforeAll
    static void engine(PrivateDockerEngine privateEngine) {
        engine = privateEngine;
    }

    @Start
    void start(Stage stage) throws Exception {
        Path directory = Files.createTempDirectory(temp, "config");
        // The panel reaches the engine through a link that a test may remove and put back.
        socketLink = directory.resolve("docker.sock");
        Files.createSymbolicLink(socketLink, engine.socket());
        window = PanelDriver.window(stage, directory, DockerEndpoint.of("unix://" + socketLink),
                PanelDriver.trialsWithoutAppArmor());
    }

    @Test
    void pickAnImageRunTheProfilesContainerSeeItsOutputAndStopIt(FxRobot robot) throws Exception {
        Path profile = temp.resolve("abtest.profile");
        Files.writeString(profile, "profile abtest flags=(complain) {\n  capability setuid,\n  /bin/** rix,\n}\n");
        robot.interact(() -> window.open(profile));
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D);
        DockerPanel panel = window.dockerPanel();
        waitUntil(60, () -> panel.connection().state().isConnected());
        assertThat(fx(() -> robot.lookup("#docker-engine-summary").queryAs(Label.class).getText()))
                .startsWith("Docker ").contains("(API ").contains(socketLink.toString());
        assertThat(fx(() -> robot.lookup("#docker-engine-apparmor").queryAs(Label.class).getText()))
                .isEqualTo("AppArmor: no");

        // The images, filtered; the chosen one's entry point, user, working directory and environment.
        waitUntil(30, () -> panel.images().table().getItems().size() >= 2);
        robot.clickOn("#docker-images-filter").write("exec-form");
        assertThat(fx(() -> panel.images().table().getItems().stream().map(ImageSummary::displayName).toList()))
                .containsExactly(BusyboxImages.EXEC_FORM);
        robot.interact(() -> panel.images().table().getSelectionModel().select(0));
        waitUntil(30, () -> panel.images().chosenProperty().get() != null);
        assertThat(fx(() -> text(robot, "#docker-image-entrypoint"))).isEqualTo("exec form: [\"/bin/echo\", \"exec-form\"]");
        assertThat(fx(() -> text(robot, "#docker-image-cmd"))).isEqualTo("exec form: [\"default-arg\"]");
        assertThat(fx(() -> text(robot, "#docker-image-user"))).isEqualTo("1000:1000");
        assertThat(fx(() -> text(robot, "#docker-image-workdir"))).isEqualTo("/srv");
        assertThat(fx(() -> text(robot, "#docker-image-env"))).contains("MODE=test");
        // It feeds the tree's entry point analysis.
        ImageConfig fed = fx(() -> window.transitionTree().imageConfig());
        assertThat(fed.entrypoint().argv()).containsExactly("/bin/echo", "exec-form");
        assertThat(fed.cmd().argv()).containsExactly("default-arg");

        // The shell-form image is recognised as such.
        robot.interact(() -> panel.images().filterField().setText("shell-form"));
        robot.interact(() -> panel.images().table().getSelectionModel().select(0));
        waitUntil(30, () -> panel.images().chosenProperty().get() != null
                && panel.images().chosenProperty().get().repoTags().contains(BusyboxImages.SHELL_FORM));
        assertThat(fx(() -> text(robot, "#docker-image-cmd"))).isEqualTo("shell form: echo shell-form $MODE   (run by /bin/sh -c)");

        // Run This Image puts it in the profile's run configuration; a long-running command to stop.
        robot.interact(() -> robot.lookup("#docker-image-use").queryAs(javafx.scene.control.Button.class).fire());
        robot.interact(() -> robot.lookup("#docker-run-command").queryAs(javafx.scene.control.TextArea.class)
                .setText("/bin/sh\n-c\necho started; echo to-stderr >&2; while true; do sleep 1; done"));
        assertThat(fx(() -> panel.configurationEditor().configuration().image())).isEqualTo(BusyboxImages.SHELL_FORM);
        assertThat(fx(() -> panel.configurationEditor().configuration().capabilities())).containsExactly("SETUID");

        robot.push(KeyCode.CONTROL, KeyCode.R);
        TrialRunPane run = panel.runPane();
        waitUntil(90, () -> run.output().text().contains("started\n") && run.output().text().contains("to-stderr\n"));
        // The status names what the loader says the kernel holds (here: the test kernel's refusal).
        assertThat(fx(() -> run.status().getText())).isEqualTo("Running " + BusyboxImages.SHELL_FORM
                + " · Not loaded: the test kernel has no AppArmor; the engine ignores the profile.");
        // The confinement view lists the container's processes with their labels (no AppArmor in this kernel).
        waitUntil(30, () -> run.processes().getItems().stream().anyMatch(p -> p.command().contains("while true")));
        assertThat(fx(() -> run.processes().getItems().stream().map(p -> p.label().state()).distinct().toList()))
                .containsOnly(ConfinementLabel.State.NO_APPARMOR);
        // The recorded kernel lines of the profile family arrive as events, and suggestions follow.
        waitUntil(30, () -> run.events().getItems().size() == 3 && !run.suggestions().getItems().isEmpty());
        // … and appear inline in the profile's editor, while the container still runs.
        waitUntil(30, () -> !window.currentTab().orElseThrow().suggestions().hunks().isEmpty());
        assertThat(fx(() -> window.currentTab().orElseThrow().suggestions().originText()))
                .startsWith("trial run of " + BusyboxImages.SHELL_FORM);

        robot.clickOn("#docker-stop-button");
        waitUntil(60, () -> !run.runningProperty().get());
        assertThat(fx(() -> run.status().getText())).startsWith("Stopped after");
        RunRecord last = fx(() -> panel.history().getItems().get(0));
        assertThat(last.outcome()).isEqualTo("stopped");
        assertThat(last.image()).isEqualTo(BusyboxImages.SHELL_FORM);
        assertThat(last.eventsText()).isEqualTo("3 DENIED");
        assertThat(last.suggestions()).isPositive();
        assertThat(engine.docker(java.util.List.of("ps", "-aq", "--filter", "label=dev.armorbench.trial=1"),
                java.time.Duration.ofSeconds(30)).strip()).as("the container is removed").isEmpty();
    }

    @Test
    void whenTheEngineIsMissingThePanelSaysSoAndRecoversWhenItIsBack(FxRobot robot) throws Exception {
        Files.delete(socketLink);
        robot.interact(() -> window.setDockerPanelShown(true));
        DockerPanel panel = window.dockerPanel();
        waitUntil(30, () -> panel.connection().state().phase() == EngineState.Phase.UNAVAILABLE);
        assertThat(fx(() -> text(robot, "#docker-engine-problem-title"))).isEqualTo("No Docker engine is running");

        // The engine is back: the panel notices by itself (it asks again every few seconds).
        Files.createSymbolicLink(socketLink, engine.socket());
        waitUntil(30, () -> panel.connection().state().isConnected());
        assertThat(fx(() -> robot.lookup("#docker-engine-problem-box").query().isVisible())).isFalse();
        waitUntil(30, () -> panel.images().table().getItems().size() >= 2);
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
