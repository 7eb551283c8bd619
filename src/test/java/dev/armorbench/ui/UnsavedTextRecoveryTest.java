package dev.armorbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.files.RecoveryStore;
import dev.armorbench.files.AppWithUnsavedText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the user types is on disk a second later, until it is saved; and what an app that was
 * killed left unsaved opens again at the next start, on its file, with Undo back to the disk's text.
 */
@ExtendWith(ApplicationExtension.class)
class UnsavedTextRecoveryTest {
    @TempDir
    Path temp;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    /** A start of the app that keeps unsaved text in {@code store}. */
    private MainWindow window(RecoveryStore store) throws Exception {
        return EditorProblems.showWindowOnFx(stage, temp, window -> window.keepUnsavedTextIn(store));
    }

    @Test
    void typedTextIsKeptAfterAPauseAndForgottenOnceSaved(FxRobot robot) throws Exception {
        Path profile = Files.writeString(temp.resolve("web.profile"), "profile web {\n}\n");
        RecoveryStore store = new RecoveryStore(temp.resolve("recovery"));
        MainWindow window = window(store);
        EditorTab tab = WaitForAsyncUtils.asyncFx(() -> window.open(profile).orElseThrow()).get(30, TimeUnit.SECONDS);

        robot.interact(() -> tab.area().insertText("profile web {\n".length(), "  /srv/** r,\n"));
        awaitSnapshotText(store, "profile web {\n  /srv/** r,\n}\n");
        assertThat(keptFiles(store)).singleElement().satisfies(file -> assertThat(Files.readString(file))
                .contains("\"file\":\"" + profile + "\"", "\"name\":\"web.profile\""));

        robot.interact(() -> window.save(tab));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> keptFiles(store).isEmpty());

        robot.interact(window::requestQuit);
        assertThat(Files.list(store.root()).toList()).as("a normal quit leaves no session behind").isEmpty();
    }

    @Test
    void whatAKilledAppLeftUnsavedOpensAgainOnItsFileAndUndoGoesBackToTheDisk(FxRobot robot) throws Exception {
        Path profile = Files.writeString(temp.resolve("web.profile"), "profile web {\n}\n");
        Path recoveryRoot = temp.resolve("recovery");
        Process crashed = AppWithUnsavedText.start(recoveryRoot, profile.toString(), "web.profile",
                "profile web {\n  /srv/** r,\n}\n");
        Process untitled = AppWithUnsavedText.start(recoveryRoot, "-", "Untitled 1", "# notes for later\n");
        crashed.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
        untitled.destroyForcibly().waitFor(60, TimeUnit.SECONDS);

        RecoveryStore store = new RecoveryStore(recoveryRoot);
        MainWindow window = window(store);

        List<EditorTab> tabs = WaitForAsyncUtils.asyncFx(window::editorTabs).get(30, TimeUnit.SECONDS);
        assertThat(tabs).extracting(tab -> tab.name() + " " + tab.isUnsaved()).containsExactlyInAnyOrder(
                "web.profile true", "Untitled 1 (recovered) true");
        EditorTab web = tabs.stream().filter(tab -> tab.path().isPresent()).findFirst().orElseThrow();
        assertThat(web.path()).contains(profile);
        assertThat(web.area().getText()).isEqualTo("profile web {\n  /srv/** r,\n}\n");
        assertThat(robot.lookup("#notification-text").queryLabeled().getText())
                .startsWith("Recovered unsaved changes of ").contains("web.profile", "Untitled 1 (recovered)");

        // The new session holds both texts, and the dead one's snapshots are gone.
        awaitSnapshotText(store, "profile web {\n  /srv/** r,\n}\n");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> keptFiles(store).size() == 2
                && sessionFolders(store).size() == 1);

        robot.interact(() -> web.area().undo());
        assertThat(web.area().getText()).isEqualTo("profile web {\n}\n");
        assertThat(web.isUnsaved()).isFalse();
        assertThat(Files.readString(profile)).as("nothing is written to the file until Save").isEqualTo("profile web {\n}\n");
    }

    @Test
    void aSnapshotTheFileAlreadyHoldsOpensNothing() throws Exception {
        Path profile = Files.writeString(temp.resolve("web.profile"), "profile web {\n  /srv/** r,\n}\n");
        Path recoveryRoot = temp.resolve("recovery");
        AppWithUnsavedText.start(recoveryRoot, profile.toString(), "web.profile", "profile web {\n  /srv/** r,\n}\n")
                .destroyForcibly().waitFor(60, TimeUnit.SECONDS);

        RecoveryStore store = new RecoveryStore(recoveryRoot);
        MainWindow window = window(store);

        assertThat(WaitForAsyncUtils.asyncFx(window::editorTabs).get(30, TimeUnit.SECONDS)).isEmpty();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> store.orphans().isEmpty());
    }

    private static void awaitSnapshotText(RecoveryStore store, String text) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> keptFiles(store).stream().anyMatch(file -> {
            try {
                return Files.readString(file).contains(new com.fasterxml.jackson.databind.ObjectMapper()
                        .writeValueAsString(text));
            } catch (java.io.IOException e) {
                return false; // replaced while being read: the next look sees the new one
            }
        }));
    }

    private static List<Path> sessionFolders(RecoveryStore store) throws java.io.IOException {
        try (Stream<Path> folders = Files.list(store.root())) {
            return folders.filter(Files::isDirectory).toList();
        }
    }

    private static List<Path> keptFiles(RecoveryStore store) throws java.io.IOException {
        if (!Files.isDirectory(store.root())) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(store.root())) {
            return all.filter(file -> file.toString().endsWith(".json")).toList();
        }
    }
}
