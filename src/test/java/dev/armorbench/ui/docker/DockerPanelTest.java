package dev.armorbench.ui.docker;

import static dev.armorbench.ui.docker.PanelDriver.fx;
import static dev.armorbench.ui.docker.PanelDriver.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.trial.DockerEndpoint;
import dev.armorbench.trial.RunConfiguration;
import dev.armorbench.trial.RunConfigurationStore;
import dev.armorbench.trial.run.TrialOutcome;
import dev.armorbench.trial.run.TrialRunResult;
import dev.armorbench.ui.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Docker panel without an engine: the unreachable state, and the run configuration of a profile. */
@ExtendWith(ApplicationExtension.class)
class DockerPanelTest {
    @TempDir
    static Path temp;

    private MainWindow window;
    private Path noSocket;
    private Path configDirectory;

    @Start
    void start(Stage stage) throws Exception {
        Path directory = Files.createTempDirectory(temp, "config");
        configDirectory = directory;
        noSocket = directory.resolve("docker.sock");
        window = PanelDriver.window(stage, directory, DockerEndpoint.of("unix://" + noSocket),
                PanelDriver.trialsWithoutAppArmor());
    }

    @Test
    void withoutAnEngineThePanelSaysWhatIsWrongAndWhatToDo(FxRobot robot) {
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D);
        waitUntil(30, () -> window.dockerPanel().connection().state().phase() == EngineState.Phase.UNAVAILABLE);

        assertThat(fx(() -> robot.lookup("#docker-panel").tryQuery().isPresent())).isTrue();
        assertThat(fx(() -> robot.lookup("#docker-engine-problem-title").queryAs(Label.class).getText()))
                .isEqualTo("No Docker engine is running");
        assertThat(fx(() -> robot.lookup("#docker-engine-problem").queryAs(Label.class).getText()))
                .contains(noSocket.toString()).contains("does not exist").contains("Start Docker");
        assertThat(fx(() -> robot.lookup("#docker-engine-retry").query().isVisible())).isTrue();
        assertThat(fx(() -> window.dockerPanel().images().table().getPlaceholder() instanceof Label label
                && label.getText().contains("cannot be reached"))).isTrue();

        // Run without an engine says why instead of starting anything.
        robot.interact(() -> window.runTrial());
        assertThat(fx(() -> window.dockerPanel().runPane().status().getText())).startsWith("Not started");

        // The panel's Run button, pressed on another tab, shows the Run tab too: its output says why a run did not start.
        robot.interact(() -> sections(robot).getSelectionModel().select(0));
        robot.clickOn("#docker-run-button");
        assertThat(fx(() -> sections(robot).getSelectionModel().getSelectedItem().getId())).isEqualTo("docker-tab-run");

        // The View menu's item hides the panel again.
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D);
        assertThat(fx(() -> robot.lookup("#docker-panel").tryQuery().isPresent())).isFalse();
    }

    @Test
    void anUnreadableFileOfRunConfigurationsIsSetAsideAndTheUserIsTold(FxRobot robot) throws Exception {
        Path stored = configDirectory.resolve(dev.armorbench.trial.RunConfigurationStore.FILE_NAME);
        Files.writeString(stored, "{ \"version\": 1, \"byProfile\": { broken");
        Path profile = temp.resolve("broken-store.profile");
        Files.writeString(profile, "profile broken-store {\n  capability chown,\n}\n");
        robot.interact(() -> window.open(profile));
        robot.interact(() -> window.setDockerPanelShown(true));

        waitUntil(20, () -> robot.lookup("#notification-text").queryAllAs(Label.class).stream()
                .anyMatch(label -> label.getText().contains(stored + " could not be read")
                        && label.getText().contains("kept as")));
        assertThat(stored).doesNotExist();
        try (var kept = Files.list(configDirectory)) {
            assertThat(kept.filter(p -> p.getFileName().toString().startsWith(stored.getFileName() + ".unreadable-")))
                    .singleElement();
        }
    }

    @Test
    void theRunConfigurationStartsWithTheProfilesCapabilitiesIsSavedWithTheProfileAndShownAsDockerRun(FxRobot robot)
            throws Exception {
        Path profile = temp.resolve("web.profile");
        Files.writeString(profile, "profile web-app {\n  capability net_bind_service,\n  capability chown,\n"
                + "  deny capability sys_admin,\n  profile helper {\n    capability setuid,\n  }\n}\n");
        robot.interact(() -> window.open(profile));
        robot.interact(() -> window.setDockerPanelShown(true));
        RunConfigurationEditor editor = window.dockerPanel().configurationEditor();
        waitUntil(20, () -> editor.configuration().capabilities().equals(
                java.util.Set.of("CHOWN", "NET_BIND_SERVICE", "SETUID")));

        robot.interact(() -> window.dockerPanel().sections().getSelectionModel().select(1));
        robot.clickOn("#docker-run-image").write("alpine:3.20");
        typeInto(robot, "#docker-run-env", "MODE=trial");
        robot.interact(() -> robot.lookup("#docker-run-no-new-privileges").queryAs(javafx.scene.control.CheckBox.class)
                .fire());

        String line = fx(() -> robot.lookup("#docker-run-line").queryAs(TextArea.class).getText());
        assertThat(line).isEqualTo("docker run --rm --security-opt apparmor=web-app --security-opt no-new-privileges"
                + " --cap-drop ALL --cap-add CHOWN --cap-add NET_BIND_SERVICE --cap-add SETUID --env MODE=trial alpine:3.20");

        RunConfigurationStore store = new RunConfigurationStore(configDirectory);
        // Saved a moment after typing stops.
        waitUntil(10, () -> store.configurationFor(profile).equals(java.util.Optional.of(editor.configuration())));
        RunConfiguration saved = store.configurationFor(profile).orElseThrow();
        assertThat(saved.environment()).containsEntry("MODE", "trial");
        assertThat(saved.noNewPrivileges()).isTrue();

        // A mistyped line is reported, not guessed at.
        typeInto(robot, "#docker-run-ports", "80:eighty");
        assertThat(fx(() -> robot.lookup("#docker-run-problems").queryAs(Label.class).getText()))
                .contains("Port line '80:eighty'");

        // The copy button puts the line on the clipboard.
        robot.interact(() -> robot.lookup("#docker-run-copy").queryAs(javafx.scene.control.Button.class).fire());
        assertThat(fx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString())).isEqualTo(line);
        assertThat(fx(() -> robot.lookup("#docker-run-image").queryAs(TextField.class).getText())).isEqualTo("alpine:3.20");
    }

    /** Types as the user would, into a field the form may have scrolled out of view. */
    @Test
    void aRunThatCouldNotStartNamesItsCauseInTheStatusLine() {
        TrialRunResult noAppArmor = refused(TrialOutcome.LOAD_FAILED, "AppArmor is not enabled: this kernel has no"
                + " AppArmor module (/sys/module/apparmor is missing). Boot a kernel with AppArmor.");
        assertThat(TrialRunPane.summary(noAppArmor)).isEqualTo("Not started: AppArmor is not enabled: this kernel has"
                + " no AppArmor module (/sys/module/apparmor is missing). Boot a kernel with AppArmor.");
        TrialRunResult parserOutput = refused(TrialOutcome.LOAD_FAILED, "apparmor_parser refused the profile:\n"
                + "  AppArmor parser error at line 3: syntax error");
        assertThat(TrialRunPane.summary(parserOutput)).isEqualTo("Not started: apparmor_parser refused the profile");
        assertThat(TrialRunPane.summary(refused(TrialOutcome.NO_EVENT_SOURCE, " ")))
                .isEqualTo("Not started: no AppArmor events can be read");
    }

    private static TrialRunResult refused(TrialOutcome outcome, String message) {
        return new TrialRunResult(outcome, "p", -1, java.time.Duration.ZERO, java.util.Map.of(), java.util.List.of(),
                java.util.List.of(), message, 0);
    }

    private static javafx.scene.control.TabPane sections(FxRobot robot) {
        return robot.lookup("#docker-sections").queryAs(javafx.scene.control.TabPane.class);
    }

    private static void typeInto(FxRobot robot, String query, String text) {
        robot.interact(() -> robot.lookup(query).query().requestFocus());
        robot.write(text);
    }
}
