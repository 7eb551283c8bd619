package dev.armorbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.policy.check.Severity;
import dev.armorbench.ui.editor.Problem;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Problems list puts what stops a profile from loading on top. */
@ExtendWith(ApplicationExtension.class)
class ProblemsPaneTest {
    private ProblemsPane pane;

    @Start
    void start(Stage stage) {
        pane = new ProblemsPane(problem -> { });
        stage.setScene(new Scene(pane, 600, 300));
        stage.show();
    }

    @Test
    void errorsComeFirstThenWarningsThenNotesEachInTextOrder(FxRobot robot) {
        ObservableList<Problem> problems = FXCollections.observableArrayList(
                problem(Severity.INFO, "note", 0), problem(Severity.ERROR, "second-error", 50),
                problem(Severity.WARNING, "warning", 10), problem(Severity.ERROR, "first-error", 20));
        robot.interact(() -> pane.show(problems));
        assertThat(pane.list().getItems()).extracting(Problem::code)
                .containsExactly("first-error", "second-error", "warning", "note");

        // It stays sorted as the check replaces the problems, and with a severity filtered out.
        robot.interact(() -> problems.add(problem(Severity.ERROR, "new-error", 5)));
        robot.interact(() -> pane.showOnly(Severity.WARNING, false));
        assertThat(pane.list().getItems()).extracting(Problem::code)
                .containsExactly("new-error", "first-error", "second-error", "note");
    }

    private static Problem problem(Severity severity, String code, int start) {
        return new Problem(severity, code, code, 1, start + 1, start, start + 1);
    }
}
