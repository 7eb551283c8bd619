package dev.armorbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.ui.settings.SettingsStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** {@code armorbench FILE…}: the window opens with the files named, and no sample. */
@ExtendWith(ApplicationExtension.class)
class MainWindowStartFilesTest {
    @TempDir
    Path temp;

    private MainWindow window;
    private Path web;
    private Path worker;

    @Start
    void start(Stage stage) throws Exception {
        web = Files.writeString(temp.resolve("web.profile"), "profile web {\n}\n");
        worker = Files.writeString(temp.resolve("worker.profile"), "profile worker {\n}\n");
        SettingsStore store = new SettingsStore(temp.resolve("config"));
        window = new MainWindow(stage, store, store.load(), new TestPrompts(stage), () -> { });
        window.show();
        window.openAtStart(List.of(web, worker));
    }

    @Test
    void theFilesNamedOnTheCommandLineAreOpenInsteadOfTheSample() {
        assertThat(window.editorTabs()).extracting(tab -> tab.path().orElseThrow()).containsExactly(web, worker);
        assertThat(window.currentTab().orElseThrow().path()).contains(worker);
    }
}
