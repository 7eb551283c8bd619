package dev.armorbench.ui.docker;

import static dev.armorbench.ui.docker.PanelDriver.fx;
import static dev.armorbench.ui.docker.PanelDriver.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.testing.docker.BusyboxImages;
import dev.armorbench.testing.docker.PrivateDockerEngine;
import dev.armorbench.testing.docker.RealDockerEngine;
import dev.armorbench.trial.DockerEndpoint;
import dev.armorbench.ui.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A run that floods the window, against a real engine: a container that writes 100,000 lines as fast
 * as it can while a process opens 5,000 files it may not read, four times each. The events view
 * lists each file once with its count, the output view ends on the newest output, the run counts
 * every event, the profile's editor offers every file (1,000 of them as one glob) without drawing
 * every line, and the run ends as any other. (How fast the window answers meanwhile is measured by
 * {@code RunViewsFloodBenchmark}, not asserted here.)
 */
@ExtendWith({RealDockerEngine.class, ApplicationExtension.class})
class RunFloodEngineTest {
    private static final int FILES = 5_000;
    private static final int IMAGES = 1_000;
    private static final int EVENTS = 4 * FILES;

    static PrivateDockerEngine engine;

    @TempDir
    static Path temp;

    private MainWindow window;

    @BeforeAll
    static void engine(PrivateDockerEngine privateEngine) {
        engine = privateEngine;
    }

    /**
     * Denied opens of a tree's files, each retried, by processes whose pid tells them apart: 1,000
     * images of one directory (one glob of their names stands for them) and 4,000 files each of its
     * own name in a directory of its own (a glob of the directory below which they all are does).
     */
    static List<String> retriedDenials() {
        return IntStream.range(0, EVENTS).mapToObj(i -> {
            int file = i % FILES;
            String name = file < IMAGES ? "/srv/www/img/" + file + ".png" : "/srv/data/" + file + "/part-" + file;
            return "[  412.113] audit: type=1400 audit(1764391200.113:" + (1000 + i) + "): apparmor=\"DENIED\""
                    + " operation=\"open\" profile=\"abtest\" name=\"" + name + "\" pid=" + (10_000 + i)
                    + " comm=\"worker\" requested_mask=\"r\" denied_mask=\"r\" fsuid=0 ouid=0";
        }).toList();
    }

    @Start
    void start(Stage stage) throws Exception {
        Path directory = Files.createTempDirectory(temp, "config");
        window = PanelDriver.window(stage, directory, DockerEndpoint.of("unix://" + engine.socket()),
                PanelDriver.trialsWithoutAppArmor(retriedDenials()));
    }

    @Test
    void theViewsShowTheNewestOfAFloodAndTheRunCountsItAll(FxRobot robot) throws Exception {
        Path profile = temp.resolve("abtest.profile");
        Files.writeString(profile, "profile abtest flags=(complain) {\n  /bin/** rix,\n}\n");
        robot.interact(() -> window.open(profile));
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D);
        DockerPanel panel = window.dockerPanel();
        waitUntil(60, () -> panel.connection().state().isConnected());
        waitUntil(30, () -> panel.images().table().getItems().stream()
                .anyMatch(image -> image.displayName().equals(BusyboxImages.SHELL_FORM)));
        robot.interact(() -> panel.images().filterField().setText("shell-form"));
        robot.interact(() -> panel.images().table().getSelectionModel().select(0));
        waitUntil(30, () -> panel.images().chosenProperty().get() != null);
        robot.interact(() -> robot.lookup("#docker-image-use").queryAs(javafx.scene.control.Button.class).fire());
        // Output as fast as the container can write it, and time for the recorded events to come.
        robot.interact(() -> robot.lookup("#docker-run-command").queryAs(javafx.scene.control.TextArea.class)
                .setText("/bin/sh\n-c\nseq 1 100000; sleep 3"));

        robot.push(KeyCode.CONTROL, KeyCode.R);
        TrialRunPane run = panel.runPane();
        waitUntil(60, () -> run.runningProperty().get());
        waitUntil(120, () -> !run.runningProperty().get());

        RunRecord last = fx(() -> panel.history().getItems().get(0));
        assertThat(last.exitCode()).hasValue(0);
        assertThat(last.eventsText()).as("every event counted").isEqualTo(EVENTS + " DENIED");
        // One line per file, counted, the most recently seen last: file f came last as event 15,000 + f.
        List<EventsView.Repeated> shown = fx(() -> List.copyOf(run.events().getItems()));
        assertThat(shown).hasSize(FILES);
        assertThat(shown).allSatisfy(line -> assertThat(line.count()).isEqualTo(4));
        assertThat(shown.get(shown.size() - 1).latest().record().get("pid")).as("the most recent last")
                .isEqualTo(String.valueOf(10_000 + EVENTS - 1));
        assertThat(shown.get(0).latest().record().get("pid"))
                .isEqualTo(String.valueOf(10_000 + EVENTS - FILES));
        // The newest is in view at the bottom, as a log's tail shows it, the rows above it filled.
        // (The list may take a layout or two, a pulse each, to settle; the checks then say where.)
        try {
            waitUntil(10, () -> run.events().lookupAll(".list-cell").stream()
                    .map(node -> (javafx.scene.control.IndexedCell<?>) node)
                    .anyMatch(cell -> cell.isVisible() && cell.getIndex() == FILES - 1
                            && Math.abs(cell.localToScene(cell.getLayoutBounds()).getMaxY()
                                    - run.events().localToScene(run.events().getLayoutBounds()).getMaxY()) <= 2));
        } catch (AssertionError settledElsewhere) {
            // reported by the checks below
        }
        javafx.geometry.Bounds view = fx(() -> run.events().localToScene(run.events().getLayoutBounds()));
        List<javafx.scene.control.IndexedCell<?>> cells = fx(() -> run.events().lookupAll(".list-cell").stream()
                .<javafx.scene.control.IndexedCell<?>>map(node -> (javafx.scene.control.IndexedCell<?>) node)
                .filter(cell -> cell.isVisible() && !cell.isEmpty()).toList());
        javafx.scene.control.IndexedCell<?> newest = cells.stream().filter(cell -> cell.getIndex() == FILES - 1)
                .findFirst().orElseThrow(() -> new AssertionError("the newest event's row is not drawn"));
        assertThat(fx(() -> newest.localToScene(newest.getLayoutBounds()).getMaxY())).as("the newest row's bottom")
                .isLessThanOrEqualTo(view.getMaxY() + 1).isGreaterThan(view.getMaxY() - 2 * newest.getHeight());
        assertThat(cells).as("rows above it").hasSizeGreaterThan(1);
        String output = fx(() -> run.output().text());
        assertThat(output).as("the output's end").contains("\n99999\n100000\n");
        assertThat(output.length()).as("the output view keeps its bound").isLessThanOrEqualTo(
                OutputView.KEEP_CHARACTERS + 1_000);

        // Every file is offered in the profile's editor, in one place, as two globs.
        // (The editor plans them on the text once they reach it, after the run's last report.)
        var diff = fx(() -> window.currentTab().orElseThrow().suggestions());
        waitUntil(30, () -> diff.hunks().size() == 1 && diff.hunks().get(0).suggestions().size() == 2);
        List<dev.armorbench.suggest.Suggestion> globs = fx(() -> diff.hunks().get(0).suggestions());
        assertThat(globs).filteredOn(s -> s.chosen().rule().equals("owner /srv/www/img/*.png r,"))
                .singleElement().satisfies(glob -> assertThat(glob.replaces()).hasSize(IMAGES));
        var data = globs.stream().filter(s -> s.chosen().rule().equals("owner /srv/data/** r,")).findFirst().orElseThrow();
        assertThat(data.replaces()).hasSize(FILES - IMAGES);

        // The user wants those exact: 4,001 lines in one hunk, of which only the first are drawn.
        robot.interact(() -> diff.split(data));
        waitUntil(30, () -> diff.hunks().size() == 1 && diff.hunks().get(0).suggestions().size() == FILES - IMAGES + 1);
        robot.interact(() -> window.currentTab().orElseThrow().area().showParagraphAtTop(0));
        waitUntil(30, () -> !robot.lookup(".suggestion-hunk").queryAll().isEmpty());
        assertThat(fx(() -> robot.lookup(".suggestion-hunk .added-line").queryAll().size())).as("the first 30")
                .isEqualTo(30);
        assertThat(fx(() -> robot.lookup(".hunk-more-lines").queryAs(javafx.scene.control.Label.class).getText()))
                .startsWith("… 3,971 more lines");
        robot.interact(() -> robot.lookup(".hunk-show-more").queryAs(javafx.scene.control.Button.class).fire());
        waitUntil(30, () -> robot.lookup(".suggestion-hunk .added-line").queryAll().size() == 30 + 100);
    }
}
