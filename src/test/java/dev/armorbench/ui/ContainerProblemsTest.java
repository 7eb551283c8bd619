package dev.armorbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.ui.editor.FixProposal;
import dev.armorbench.ui.editor.Problem;
import java.nio.file.Path;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The container checks show in the editor's Problems and their fixes apply as one undoable edit. */
@ExtendWith(ApplicationExtension.class)
class ContainerProblemsTest {
    private static final String PROFILE = "profile web /usr/sbin/nginx flags=(attach_disconnected,mediate_deleted) {\n"
            + "  /etc/nginx/** r,\n}\n";

    @TempDir
    Path temp;

    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = EditorProblems.showWindow(stage, temp);
    }

    @Test
    void anAttachmentOnTheContainerProfileIsFlaggedAndFixed(FxRobot robot) throws Exception {
        EditorTab tab = EditorProblems.open(robot, window, temp.resolve("web.profile"), PROFILE);

        Problem attachment = EditorProblems.awaitProblem(tab, "container-attachment");
        assertThat(tab.area().getText(attachment.start(), attachment.end())).isEqualTo("/usr/sbin/nginx");

        List<FixProposal> fixes = EditorProblems.fixesAt(robot, tab, attachment);
        FixProposal removal = fixes.stream().filter(f -> f.title().toLowerCase().contains("attachment")).findFirst()
                .orElseThrow();
        robot.interact(() -> EditorProblems.quickFixes(tab).apply(removal));

        assertThat(tab.area().getText()).startsWith("profile web flags=(attach_disconnected,mediate_deleted) {");
        robot.interact(() -> tab.area().undo());
        assertThat(tab.area().getText()).isEqualTo(PROFILE);
    }
}
