package dev.armorbench.ui.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.armorbench.audit.LogLineParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The events view keeps the newest event at its bottom, however the batches come, until the user scrolls away. */
@ExtendWith(ApplicationExtension.class)
class EventsViewTest {
    private final LogLineParser parser = new LogLineParser();
    private EventsView view;
    private Button elsewhere;
    private int files;

    @Start
    void start(Stage stage) {
        view = new EventsView();
        // The view in a pane of its own, so that a test narrows the view, never the stage, which
        // TestFX hands on to the next test class; another control above it takes the focus.
        elsewhere = new Button("Elsewhere");
        VBox.setVgrow(view, Priority.ALWAYS);
        stage.setScene(new Scene(new VBox(elsewhere, view), 500, 300));
        stage.show();
    }

    /** {@code size} denials of files not seen before, as a run's hand-off gives them. */
    private List<EventsView.Repeated> batch(int size) {
        List<EventsView.Repeated> batch = new ArrayList<>();
        for (int i = 0; i < size; i++, files++) {
            batch.add(denial(files));
        }
        return batch;
    }

    /** The denial of file {@code n}: names of varying length, so that rows wrap to one, two or three lines. */
    private EventsView.Repeated denial(int n) {
        String name = "/srv/f" + n + "/" + "deeper/".repeat(n % 9);
        return EventsView.Repeated.once(parser.parseEvent("type=AVC msg=audit(1700000000.1:" + n
                + "): apparmor=\"DENIED\" operation=\"open\" profile=\"p\" name=\"" + name + "\" pid=7 comm=\"c\""
                + " requested_mask=\"r\" denied_mask=\"r\" fsuid=0 ouid=0", "log", n));
    }

    /** Where the row of {@code index} ends in the scene, or -1 when it is not drawn. */
    private double rowBottom(int index) {
        return drawnRow(index).map(cell -> cell.localToScene(cell.getLayoutBounds()).getMaxY()).orElse(-1.0);
    }

    /** The count badge of the row of {@code index}, or null when it has none. */
    private String countBadge(int index) {
        IndexedCell<?> row = drawnRow(index).orElseThrow(() -> new AssertionError("row " + index + " is not drawn"));
        return ((ListCell<?>) row).getGraphic() instanceof Label badge ? badge.getText() : null;
    }

    /** The drawn row of {@code index}, if it is drawn. */
    private Optional<IndexedCell<?>> drawnRow(int index) {
        return view.lookupAll(".list-cell").stream()
                .<IndexedCell<?>>map(node -> (IndexedCell<?>) node)
                .filter(cell -> cell.isVisible() && !cell.isEmpty() && cell.getIndex() == index)
                .findFirst();
    }

    /** Where the list's rows are cut off: the bottom of its viewport, in the scene. */
    private double viewportBottom() {
        Node viewport = view.lookup(".clipped-container");
        return viewport.localToScene(viewport.getLayoutBounds()).getMaxY();
    }

    private void assertNewestAtTheBottom(String when) throws Exception {
        // The flow may take a layout or two (a pulse each) to reach the newest as it measures rows;
        // a slow machine gets the time, and the check below then says where the row ended up.
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(this::newestEndsAtTheBottom));
        } catch (TimeoutException settledElsewhere) {
            // reported by the assertion
        }
        int newest = fx(() -> view.getItems().size()) - 1;
        double bottom = fx(this::viewportBottom);
        assertThat(fx(() -> rowBottom(newest))).as("%s: the newest row (%d) ends at the viewport's bottom", when, newest)
                .isBetween(bottom - 1, bottom + 1);
    }

    private boolean newestEndsAtTheBottom() {
        return Math.abs(rowBottom(view.getItems().size() - 1) - viewportBottom()) <= 1;
    }

    /**
     * Turns the mouse wheel over the list: positive towards older events, as JavaFX counts it. (The
     * headless robot's wheel gives one pixel a notch, in the opposite sense on Monocle.)
     */
    private void wheel(double deltaY) {
        Node flow = view.lookup(".virtual-flow");
        Event.fireEvent(flow, new ScrollEvent(ScrollEvent.SCROLL, 10, 10, 10, 10, false, false, false, false, false, false,
                0, deltaY, 0, deltaY, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null));
    }

    private static <T> T fx(Callable<T> call) throws Exception {
        return WaitForAsyncUtils.asyncFx(call).get();
    }

    @Test
    void batchesHandedOnBeforeTheListIsLaidOutAgainStillEndOnTheNewest(FxRobot robot) throws Exception {
        for (int round = 0; round < 40; round++) {
            List<EventsView.Repeated> batch = batch(1 + round * 37 % 200);
            robot.interact(() -> view.addAll(batch)); // one right after the other, of varying size
            if (round % 3 == 2) {
                assertNewestAtTheBottom("round " + round);
            }
        }
    }

    @Test
    void theNewestStaysAtTheBottomWhenRowsWrapAgainInAnotherWidth(FxRobot robot) throws Exception {
        // The first batch fits without a scroll bar; the second brings it, and every row narrows.
        robot.interact(() -> view.addAll(batch(3)));
        robot.interact(() -> view.addAll(batch(60)));
        assertNewestAtTheBottom("once the scroll bar came");
        for (double width : new double[] {260, 480, 340}) {
            robot.interact(() -> view.setMaxWidth(width));
            assertNewestAtTheBottom(width + " px wide");
        }
    }

    @Test
    void scrollingUpStopsFollowingAndScrollingBackToTheEndResumesIt(FxRobot robot) throws Exception {
        robot.interact(() -> view.addAll(batch(80)));
        assertNewestAtTheBottom("at first");

        robot.interact(() -> wheel(+240));
        assertThat(fx(view::followsNewest)).as("after scrolling up").isFalse();
        robot.interact(() -> view.addAll(batch(5)));
        WaitForAsyncUtils.waitForFxEvents();
        int newest = fx(() -> view.getItems().size()) - 1;
        assertThat(fx(() -> rowBottom(newest))).as("what the user reads is left in view").isEqualTo(-1);

        robot.interact(() -> wheel(-100_000));
        assertThat(fx(view::followsNewest)).as("back at the end").isTrue();
        robot.interact(() -> view.addAll(batch(5)));
        assertNewestAtTheBottom("after scrolling back");
    }

    @Test
    void selectedRowsAreCopiedAsShownOrAsJsonAndStaySelectedWhileEventsCome(FxRobot robot) throws Exception {
        robot.interact(() -> view.addAll(batch(5)));
        robot.interact(() -> view.addAll(List.of(denial(1)))); // file 1 again: it moves to the end, ×2
        assertThat(fx(() -> countBadge(4))).as("the count, before the text that a narrow row cuts short").isEqualTo("×2");
        assertThat(fx(() -> countBadge(3))).as("an event that came once").isNull();
        robot.interact(() -> {
            view.getSelectionModel().selectIndices(4, 1); // file 2, then file 1's row, picked bottom up
            view.requestFocus();
        });
        robot.push(KeyCode.CONTROL, KeyCode.C);
        assertThat(fx(() -> Clipboard.getSystemClipboard().getString()).lines()).as("Ctrl+C, in the rows' order")
                .satisfiesExactly(
                        line -> assertThat(line).contains("DENIED", "name=/srv/f2/deeper/deeper/").doesNotContain("×"),
                        line -> assertThat(line).contains("name=/srv/f1/deeper/").endsWith("×2"));

        robot.interact(() -> view.addAll(batch(3)));
        assertThat(fx(() -> view.getSelectionModel().getSelectedItems().stream()
                .map(row -> row.latest().record().get("name")).toList())).as("still selected after a batch")
                .containsExactly("/srv/f2/deeper/deeper/", "/srv/f1/deeper/");

        MenuItem copyJson = fx(() -> view.getContextMenu().getItems().stream()
                .filter(item -> "Copy as JSON".equals(item.getText())).findFirst().orElseThrow());
        robot.interact(copyJson::fire);
        List<String> json = fx(() -> Clipboard.getSystemClipboard().getString()).lines().toList();
        assertThat(json).hasSize(2);
        JsonNode first = new ObjectMapper().readTree(json.get(0));
        assertThat(first.get("event").asText()).isEqualTo("DENIED");
        assertThat(first.get("name").asText()).isEqualTo("/srv/f2/deeper/deeper/");
        assertThat(first.get("pid").isNumber()).as("numbers as numbers, as logs --format json writes them").isTrue();
        assertThat(new ObjectMapper().readTree(json.get(1)).get("serial").asLong()).isEqualTo(1);
    }

    @Test
    void ctrlCElsewhereInTheWindowLeavesTheClipboardAlone(FxRobot robot) throws Exception {
        robot.interact(() -> {
            view.addAll(batch(3));
            view.getSelectionModel().select(1);
            ClipboardContent before = new ClipboardContent();
            before.putString("the user's own text");
            Clipboard.getSystemClipboard().setContent(before);
            elsewhere.requestFocus();
        });
        robot.push(KeyCode.CONTROL, KeyCode.C);
        assertThat(fx(() -> Clipboard.getSystemClipboard().getString())).isEqualTo("the user's own text");
    }
}
