package dev.armorbench.ui.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.audit.AuditEvent;
import dev.armorbench.audit.LogLineParser;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The events view keeps the newest event in view at the bottom, however the batches come. */
@ExtendWith(ApplicationExtension.class)
class EventsViewTest {
    /** A row wraps to at most two lines in this width. */
    private static final double TALLEST_ROW = 60;

    private EventsView view;

    @Start
    void start(Stage stage) {
        view = new EventsView();
        stage.setScene(new Scene(view, 500, 300));
        stage.show();
    }

    /** Where the row of {@code index} ends in the scene, or -1 when it is not drawn. */
    private double rowBottom(int index) {
        return view.lookupAll(".list-cell").stream()
                .<IndexedCell<?>>map(node -> (IndexedCell<?>) node)
                .filter(cell -> cell.isVisible() && !cell.isEmpty() && cell.getIndex() == index)
                .mapToDouble(cell -> cell.localToScene(cell.getLayoutBounds()).getMaxY())
                .findFirst().orElse(-1);
    }

    private static <T> T fx(Callable<T> call) throws Exception {
        return WaitForAsyncUtils.asyncFx(call).get();
    }

    @Test
    void batchesHandedOnBeforeTheListIsLaidOutAgainStillEndOnTheNewest(FxRobot robot) throws Exception {
        LogLineParser parser = new LogLineParser();
        int files = 0;
        for (int round = 0; round < 40; round++) {
            List<EventsView.Repeated> batch = new ArrayList<>();
            for (int i = 0; i < 1 + round * 37 % 200; i++, files++) {
                AuditEvent event = parser.parseEvent("type=AVC msg=audit(1700000000.1:" + files + "): apparmor=\"DENIED\""
                        + " operation=\"open\" profile=\"p\" name=\"/srv/f" + files + "\" pid=7 comm=\"c\""
                        + " requested_mask=\"r\" denied_mask=\"r\" fsuid=0 ouid=0", "log", files);
                batch.add(EventsView.Repeated.once(event));
            }
            // Batches one right after the other, of varying size, as a run's hand-off gives them.
            robot.interact(() -> view.addAll(batch));
            if (round % 3 == 2) {
                WaitForAsyncUtils.waitForFxEvents();
                int newest = view.getItems().size() - 1;
                double viewBottom = fx(() -> view.localToScene(view.getLayoutBounds()).getMaxY());
                assertThat(fx(() -> rowBottom(newest))).as("round %d: the newest row (%d), drawn at the bottom",
                        round, newest).isBetween(viewBottom - TALLEST_ROW, viewBottom + 1);
            }
        }
    }
}
