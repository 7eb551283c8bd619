package dev.armorbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.policy.check.Severity;
import dev.armorbench.ui.editor.Problem;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
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
        Scene scene = new Scene(pane, 600, 300);
        scene.getStylesheets().add(getClass().getResource("/dev/armorbench/ui/armorbench.css").toExternalForm());
        stage.setScene(scene);
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

    @Test
    void aLongMessageWrapsWithItsIconBesideTheFirstLine(FxRobot robot) {
        String advice = "Together, the 3 profiles this container's processes can run under allow chown, dac_override,"
                + " kill, net_bind_service, setgid, setuid; bound the container to exactly that with: --cap-drop ALL"
                + " --cap-add CHOWN --cap-add DAC_OVERRIDE --cap-add KILL --cap-add NET_BIND_SERVICE";
        robot.interact(() -> pane.show(FXCollections.observableArrayList(
                new Problem(Severity.INFO, advice, "container-capability-flags", 29, 9, 0, 1))));
        robot.interact(() -> { }); // one more pulse: the cell lays out its wrapped text
        ListCell<?> cell = robot.lookup(".problems-pane .list-cell").queryAll().stream()
                .map(node -> (ListCell<?>) node).filter(c -> c.getItem() != null).findFirst().orElseThrow();
        Label message = (Label) cell.lookup(".problem-message");
        Node icon = cell.lookup(".problem-icon");
        Bounds messageBounds = message.localToScene(message.getLayoutBounds());
        Bounds iconBounds = icon.localToScene(icon.getLayoutBounds());
        double lineHeight = message.getFont().getSize() * 1.2;

        // The message wraps to several lines, all of them inside the cell, and the icon is level with the first.
        assertThat(messageBounds.getHeight()).isGreaterThan(2.5 * lineHeight);
        assertThat(cell.getHeight()).isGreaterThanOrEqualTo(messageBounds.getHeight());
        assertThat(Math.abs(iconBounds.getMinY() - messageBounds.getMinY())).isLessThan(lineHeight / 2);
    }

    private static Problem problem(Severity severity, String code, int start) {
        return new Problem(severity, code, code, 1, start + 1, start, start + 1);
    }
}
