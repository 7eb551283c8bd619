package dev.armorbench.ui.docker;

import static dev.armorbench.ui.docker.PanelDriver.fx;
import static dev.armorbench.ui.docker.PanelDriver.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.container.ProfileMode;
import dev.armorbench.trial.DockerEndpoint;
import dev.armorbench.trial.loop.SessionStore;
import dev.armorbench.ui.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The loop's parts that need no engine: the Complain | Enforce switch edits the profile's flags as one
 * undoable edit, from the run bar and from the Run menu; a session file that cannot be read is
 * reported in the Loop tab and kept aside.
 */
@ExtendWith(ApplicationExtension.class)
class LoopPanelTest {
    @TempDir
    static Path temp;

    private MainWindow window;
    private SessionStore sessions;

    @Start
    void start(Stage stage) throws Exception {
        Path directory = Files.createTempDirectory(temp, "config");
        sessions = new SessionStore(Files.createTempDirectory(temp, "state").resolve("armorbench/trial-sessions"));
        window = PanelDriver.window(stage, directory, DockerEndpoint.of("unix://" + directory.resolve("docker.sock")),
                PanelDriver.trialsWithoutAppArmor().withSessions(sessions));
    }

    @Test
    void theModeSwitchEditsEveryProfilesFlagsAsOneUndoableEdit(FxRobot robot) throws Exception {
        Path profile = temp.resolve("modes.profile");
        String complain = "profile modes flags=(complain) {\n  /bin/** rix,\n  profile helper flags=(attach_disconnected,complain) {\n  }\n}\n";
        Files.writeString(profile, complain);
        robot.interact(() -> {
            window.open(profile);
            window.setDockerPanelShown(true);
        });
        DockerPanel panel = window.dockerPanel();
        assertThat(fx(() -> panel.modeToggle().shown())).contains(ProfileMode.COMPLAIN);
        assertThat(fx(() -> menuItem("menu-complain-mode").isSelected())).isTrue();

        robot.clickOn("#docker-mode-enforce");
        String enforce = "profile modes {\n  /bin/** rix,\n  profile helper flags=(attach_disconnected) {\n  }\n}\n";
        assertThat(fx(() -> window.currentTab().orElseThrow().area().getText())).isEqualTo(enforce);
        assertThat(fx(() -> panel.modeToggle().shown())).contains(ProfileMode.ENFORCE);
        assertThat(fx(() -> menuItem("menu-enforce-mode").isSelected())).isTrue();
        // Applied with the next load: nothing is written until the run saves it.
        assertThat(Files.readString(profile)).isEqualTo(complain);

        // One undo brings both profiles' flags back.
        robot.interact(() -> window.currentTab().orElseThrow().area().undo());
        assertThat(fx(() -> window.currentTab().orElseThrow().area().getText())).isEqualTo(complain);
        waitUntil(10, () -> panel.modeToggle().shown().equals(java.util.Optional.of(ProfileMode.COMPLAIN)));

        // Run → Enforce Mode does the same; Run → Complain Mode puts it back.
        robot.interact(() -> menuItem("menu-enforce-mode").fire());
        assertThat(fx(() -> window.currentTab().orElseThrow().area().getText())).isEqualTo(enforce);
        robot.interact(() -> menuItem("menu-complain-mode").fire());
        assertThat(fx(() -> window.currentTab().orElseThrow().area().getText()))
                .isEqualTo("profile modes flags=(complain) {\n  /bin/** rix,\n  profile helper flags=(attach_disconnected complain) {\n  }\n}\n");
        assertThat(fx(() -> panel.modeToggle().shown())).contains(ProfileMode.COMPLAIN);
    }

    @Test
    void anUnreadableSessionFileIsReportedAndKeptAside(FxRobot robot) throws Exception {
        Path profile = temp.resolve("corrupt.profile");
        Files.writeString(profile, "profile corrupt flags=(complain) {\n}\n");
        Path sessionFile = sessions.fileFor(profile);
        Files.createDirectories(sessionFile.getParent());
        Files.writeString(sessionFile, "{\"profileFile\": \"" + profile + "\", \"iterations\": [ {\"number\": ");

        robot.interact(() -> {
            window.open(profile);
            window.setDockerPanelShown(true);
        });
        DockerPanel panel = window.dockerPanel();
        robot.interact(() -> panel.sections().getSelectionModel().select(panel.loopTab()));
        assertThat(fx(() -> panel.loopView().problemShown())).isTrue();
        String problem = fx(() -> panel.loopView().problem().getText());
        assertThat(problem).contains(sessionFile.toString()).contains("could not be read").contains("kept as");
        try (var files = Files.list(sessionFile.getParent())) {
            Path kept = files.filter(file -> file.getFileName().toString().startsWith(sessionFile.getFileName() + ".corrupt-"))
                    .findFirst().orElseThrow(() -> new AssertionError("the unreadable session was not kept"));
            assertThat(Files.readString(kept)).endsWith("{\"number\": ");
            assertThat(problem).contains(kept.toString());
        }
        // A new loop starts; the unreadable file is not overwritten.
        assertThat(fx(() -> panel.loopView().state().getText())).isEqualTo("Complain → enforce loop");
        assertThat(fx(() -> panel.loopView().iterations().getItems())).isEmpty();
    }

    private RadioMenuItem menuItem(String id) {
        for (var menu : window.stage().getScene().getRoot().lookupAll(".menu-bar").stream()
                .map(javafx.scene.control.MenuBar.class::cast).findFirst().orElseThrow().getMenus()) {
            for (MenuItem item : menu.getItems()) {
                if (id.equals(item.getId())) {
                    return (RadioMenuItem) item;
                }
            }
        }
        throw new AssertionError("no menu item " + id);
    }
}
