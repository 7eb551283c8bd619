package dev.armorbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The files open at quit open again at the next start without arguments; files named on the command line win. */
@ExtendWith(ApplicationExtension.class)
class ReopenAtStartTest {
    @TempDir
    Path temp;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    /** A start of the app with these command-line files, over the settings the last quit left. */
    private MainWindow start(List<Path> files) throws Exception {
        return EditorProblems.showWindowOnFx(stage, temp, window -> window.openAtStart(files));
    }

    private static List<String> openNames(MainWindow window) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> window.editorTabs().stream().map(EditorTab::name).toList())
                .get(30, TimeUnit.SECONDS);
    }

    @Test
    void theFilesOpenAtQuitOpenAgainAndAGoneOneIsLeftOut() throws Exception {
        Path web = Files.writeString(temp.resolve("web.profile"), "profile web {\n}\n");
        Path worker = Files.writeString(temp.resolve("worker.profile"), "profile worker {\n}\n");
        Path gone = Files.writeString(temp.resolve("gone.profile"), "profile gone {\n}\n");

        MainWindow first = start(List.of(web, gone, worker));
        assertThat(openNames(first)).containsExactly("web.profile", "gone.profile", "worker.profile");
        WaitForAsyncUtils.asyncFx(first::requestQuit).get(30, TimeUnit.SECONDS);
        Files.delete(gone);

        assertThat(openNames(start(List.of()))).containsExactly("web.profile", "worker.profile");
    }

    @Test
    void filesNamedOnTheCommandLineWinAndAFirstStartShowsTheSample() throws Exception {
        Path web = Files.writeString(temp.resolve("web.profile"), "profile web {\n}\n");
        Path other = Files.writeString(temp.resolve("other.profile"), "profile other {\n}\n");
        assertThat(openNames(start(List.of()))).singleElement().asString().endsWith("(sample)");

        MainWindow first = start(List.of(web));
        WaitForAsyncUtils.asyncFx(first::requestQuit).get(30, TimeUnit.SECONDS);

        assertThat(openNames(start(List.of(other)))).containsExactly("other.profile");
    }
}
