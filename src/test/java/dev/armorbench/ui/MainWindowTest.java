package dev.armorbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.testing.Requirements;
import dev.armorbench.ui.settings.Settings;
import dev.armorbench.ui.settings.SettingsStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    @TempDir
    Path temp;

    private MainWindow window;
    private TestPrompts prompts;
    private final AtomicBoolean quit = new AtomicBoolean();

    @Start
    void start(Stage stage) {
        SettingsStore store = new SettingsStore(temp.resolve("config"));
        prompts = new TestPrompts(stage);
        window = new MainWindow(stage, store, store.load(), prompts, () -> quit.set(true));
        window.show();
        window.openSampleIfEmpty();
    }

    @Test
    void firstStartShowsTheSampleProfile() {
        EditorTab tab = window.currentTab().orElseThrow();
        assertThat(tab.name()).startsWith(Samples.FIRST_START);
        assertThat(tab.area().getText()).isEqualTo(Samples.text(Samples.FIRST_START));
        assertThat(tab.isUnsaved()).isFalse();
        assertThat(window.stage().getTitle()).startsWith("ArmorBench").contains(Samples.FIRST_START);
    }

    @Test
    void openTypeAndSaveWritesExactlyWhatWasTyped(FxRobot robot) throws IOException {
        Path file = temp.resolve("typed.profile");
        Files.writeString(file, "profile typed {\n}\n");
        robot.interact(() -> window.open(file));
        EditorTab tab = window.currentTab().orElseThrow();

        robot.clickOn(tab.area());
        robot.interact(() -> tab.area().moveTo(0, tab.area().getParagraph(0).length()));
        // Enter after an opening brace indents the new line by itself.
        robot.write("\ncapability net_bind_service,");
        assertThat(tab.isUnsaved()).isTrue();
        assertThat(window.stage().getTitle()).isEqualTo("ArmorBench — typed.profile *");

        robot.push(KeyCode.CONTROL, KeyCode.S);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .isEqualTo("profile typed {\n  capability net_bind_service,\n}\n");
        assertThat(tab.isUnsaved()).isFalse();
        assertThat(window.stage().getTitle()).isEqualTo("ArmorBench — typed.profile");
        assertThat(window.settings().recentFiles()).containsExactly(file.toString());
    }

    @Test
    void savingKeepsWindowsLineEndsAndPermissions(FxRobot robot) throws IOException {
        Path file = temp.resolve("crlf.profile");
        Files.writeString(file, "profile crlf {\r\n}\r\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        robot.interact(() -> window.open(file));
        EditorTab tab = window.currentTab().orElseThrow();

        robot.interact(() -> tab.area().insertText(1, 0, "  file,\n"));
        robot.interact(() -> window.save(tab));

        assertThat(Files.readString(file)).isEqualTo("profile crlf {\r\n  file,\r\n}\r\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
    }

    @Test
    void aFailedSaveShowsTheCauseAndKeepsTheTextUnsaved(FxRobot robot) throws Exception {
        Path directory = Files.createDirectory(temp.resolve("read-only"));
        Path file = directory.resolve("locked.profile");
        Files.writeString(file, "profile locked {\n}\n");
        robot.interact(() -> window.open(file));
        EditorTab tab = window.currentTab().orElseThrow();
        robot.clickOn(tab.area());
        robot.interact(() -> tab.area().moveTo(0, tab.area().getParagraph(0).length()));
        robot.write("\ncapability chown,");

        try (ReadOnlyDirectory readOnly = ReadOnlyDirectory.make(directory)) {
            robot.push(KeyCode.CONTROL, KeyCode.S);
            WaitForAsyncUtils.waitForFxEvents();

            DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
            assertThat(dialog.getHeaderText()).isEqualTo("Cannot save locked.profile");
            Node message = robot.from(dialog).lookup(".dialog-message").query();
            assertThat(((javafx.scene.control.Label) message).getText())
                    .contains(file.toString()).contains("Your text is still in the editor");
            robot.clickOn("OK");
        }

        assertThat(tab.isUnsaved()).isTrue();
        assertThat(tab.area().getText()).isEqualTo("profile locked {\n  capability chown,\n}\n");
        assertThat(Files.readString(file)).isEqualTo("profile locked {\n}\n");
        try (var leftovers = Files.list(directory)) {
            assertThat(leftovers).containsExactly(file);
        }
    }

    @Test
    void aFileThatIsNotUtf8TextIsNotOpenedAndTheDialogSaysWhyInItsOwnWords(FxRobot robot) throws IOException {
        Path latin1 = Files.write(temp.resolve("latin1.profile"),
                "# caf\u00e9\nprofile p {\n}\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        int tabsBefore = window.editorTabs().size();
        Platform.runLater(() -> window.open(latin1));
        WaitForAsyncUtils.waitForFxEvents();

        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(dialog.getHeaderText()).isEqualTo("Cannot open latin1.profile");
        Node message = robot.from(dialog).lookup(".dialog-message").query();
        assertThat(((javafx.scene.control.Label) message).getText()).isEqualTo(latin1 + " could not be opened: it is"
                + " not UTF-8 text (AppArmor profiles are text files); open it in a hex viewer or convert it with iconv first.");
        robot.clickOn("OK");
        assertThat(window.editorTabs()).hasSize(tabsBefore);
    }

    @Test
    void quittingWithUnsavedChangesAsksAndCancelKeepsTheAppOpen(FxRobot robot) {
        EditorTab tab = window.currentTab().orElseThrow();
        robot.clickOn(tab.area());
        robot.interact(() -> tab.area().moveTo(0));
        robot.write("# an edit\n");

        robot.push(KeyCode.CONTROL, KeyCode.Q);
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(dialog.getHeaderText()).startsWith("Save the changes to " + Samples.FIRST_START);
        robot.clickOn("Cancel");

        assertThat(quit).isFalse();
        assertThat(window.stage().isShowing()).isTrue();
        assertThat(window.editorTabs()).containsExactly(tab);
        assertThat(tab.area().getText()).startsWith("# an edit\n");

        robot.push(KeyCode.CONTROL, KeyCode.Q);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Discard");
        assertThat(quit).isTrue();
    }

    @Test
    void closingAnUnsavedTabCanSaveItFirst(FxRobot robot) throws IOException {
        Path target = temp.resolve("saved-on-close.profile");
        prompts.filesToChoose.add(target);
        robot.interact(() -> window.newDocument());
        EditorTab tab = window.currentTab().orElseThrow();
        robot.clickOn(tab.area());
        robot.write("profile new {}\n");

        robot.push(KeyCode.CONTROL, KeyCode.W);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Save");

        assertThat(Files.readString(target)).isEqualTo("profile new {}\n");
        assertThat(window.editorTabs()).doesNotContain(tab);
    }

    @Test
    void aFileChangedOnDiskIsNoticedAndCanBeReloaded(FxRobot robot) throws IOException {
        Path file = temp.resolve("outside.profile");
        Files.writeString(file, "profile outside {\n}\n");
        robot.interact(() -> window.open(file));
        EditorTab tab = window.currentTab().orElseThrow();

        Files.writeString(file, "profile outside {\n  capability kill,\n}\n");
        Platform.runLater(window::checkDiskChanges);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Reload");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(tab.area().getText()).isEqualTo("profile outside {\n  capability kill,\n}\n");
        assertThat(tab.isUnsaved()).isFalse();
        robot.interact(window::checkDiskChanges);
    }

    @Test
    void keepingTheEditorVersionMarksItUnsaved(FxRobot robot) throws IOException {
        Path file = temp.resolve("keep.profile");
        Files.writeString(file, "profile keep {\n}\n");
        robot.interact(() -> window.open(file));
        EditorTab tab = window.currentTab().orElseThrow();

        Files.writeString(file, "changed by someone else, and longer\n");
        Platform.runLater(window::checkDiskChanges);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Keep Editor Version");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(tab.area().getText()).isEqualTo("profile keep {\n}\n");
        assertThat(tab.isUnsaved()).isTrue();
    }

    @Test
    void theIncludeSearchPathIsChosenInADialogAndRechecksOpenDocuments(FxRobot robot) throws Exception {
        Path includes = Files.createDirectories(temp.resolve("policy/local"));
        Files.writeString(includes.resolve("extra"), "capability chown,\n");
        Path file = temp.resolve("uses-include.profile");
        Files.writeString(file, "profile uses {\n  include <local/extra>\n}\n");
        robot.interact(() -> window.open(file));
        EditorTab tab = window.currentTab().orElseThrow();
        waitUntil(() -> tab.problems().problems().stream().anyMatch(p -> p.code().equals("include-not-found")));

        Platform.runLater(window::editIncludePath);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TextArea directories = robot.lookup("#include-path").queryAs(javafx.scene.control.TextArea.class);
        assertThat(directories.getText()).isEqualTo("/etc/apparmor.d");
        robot.interact(() -> directories.setText(temp.resolve("policy") + "\n\n/etc/apparmor.d\n"));
        robot.clickOn("OK");

        waitUntil(() -> tab.problems().problems().stream().noneMatch(p -> p.code().equals("include-not-found")));
        assertThat(window.settings().includePath()).containsExactly(temp.resolve("policy").toString(), "/etc/apparmor.d");
        assertThat(new SettingsStore(temp.resolve("config")).load().settings().includePath())
                .containsExactly(temp.resolve("policy").toString(), "/etc/apparmor.d");
    }

    /** Waits for a condition on what the FX thread owns, evaluated there. */
    private static void waitUntil(java.util.function.BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
    }

    @Test
    void themeChoiceIsRemembered(FxRobot robot) {
        robot.interact(() -> window.setTheme(Settings.Theme.DARK));
        SettingsStore reread = new SettingsStore(temp.resolve("config"));
        assertThat(reread.load().settings().theme()).isEqualTo(Settings.Theme.DARK);
        assertThat(window.stage().getScene().getRoot().getStyleClass()).contains("theme-dark");
        robot.interact(() -> window.setTheme(Settings.Theme.LIGHT));
    }

    /** A directory that even root cannot write into (chattr +i), or a plain read-only one for other users. */
    private static final class ReadOnlyDirectory implements AutoCloseable {
        private final Path directory;
        private final boolean immutable;

        private ReadOnlyDirectory(Path directory, boolean immutable) {
            this.directory = directory;
            this.immutable = immutable;
        }

        static ReadOnlyDirectory make(Path directory) throws Exception {
            if ("root".equals(System.getProperty("user.name"))) {
                int exit = new ProcessBuilder("chattr", "+i", directory.toString()).inheritIO().start().waitFor();
                Requirements.require(exit == 0, "chattr +i is needed to make a directory read-only for root "
                        + "(e2fsprogs, on a file system with immutable attributes)");
                return new ReadOnlyDirectory(directory, true);
            }
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("r-xr-xr-x"));
            return new ReadOnlyDirectory(directory, false);
        }

        @Override
        public void close() throws Exception {
            if (immutable) {
                new ProcessBuilder("chattr", "-i", directory.toString()).inheritIO().start().waitFor();
            } else {
                Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }
}
