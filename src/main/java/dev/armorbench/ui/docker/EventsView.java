package dev.armorbench.ui.docker;

import dev.armorbench.audit.AuditEvent;
import dev.armorbench.audit.EventText;
import dev.armorbench.audit.RepeatAggregator;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;

/**
 * The AppArmor events of the profile family since the run's start, one line per distinct event
 * (same kind, profile, operation, object and masks: {@link RepeatAggregator.Key}) with how many
 * times it came; the most recent last. A process that retries a denied access in a loop makes one
 * line that counts up, not a wall of copies.
 */
final class EventsView extends ListView<EventsView.Repeated> {
    /** How many distinct events are listed; the run's counts and suggestions cover them all. */
    static final int KEEP_EVENTS = 5_000;

    /**
     * One distinct event: what makes it distinct (computed once, on the run's thread), its latest
     * occurrence and how many times it came.
     */
    record Repeated(RepeatAggregator.Key key, AuditEvent latest, long count) {
        static Repeated once(AuditEvent event) {
            return new Repeated(RepeatAggregator.Key.of(event), event, 1);
        }

        /** This one followed by {@code later} of the same key. */
        Repeated then(Repeated later) {
            return new Repeated(key, later.latest, count + later.count);
        }
    }

    private final ObservableList<Repeated> shown = FXCollections.observableArrayList();
    /** The listed events, least recently seen first, at most {@link #KEEP_EVENTS}. */
    private RepeatAggregator listed = new RepeatAggregator(KEEP_EVENTS);

    EventsView() {
        setItems(shown);
        setId("docker-run-events");
        getStyleClass().add("run-events");
        setPlaceholder(new Label("No AppArmor events for this profile yet"));
        setCellFactory(list -> new EventCell());
    }

    void clear() {
        listed = new RepeatAggregator(KEEP_EVENTS);
        shown.clear();
    }

    /** Adds a batch, oldest first, and keeps the most recent in view: one change of the list per batch. */
    void addAll(List<Repeated> batch) {
        if (batch.isEmpty()) {
            return;
        }
        for (Repeated event : batch) {
            listed.add(event.key(), event.latest(), event.count()); // seen again: it moves to the end
        }
        shown.setAll(listed.entries().stream().map(entry -> new Repeated(entry.key(), entry.last(), entry.count())).toList());
        showLast();
    }

    /**
     * Brings the newest event into view at the bottom, as a log's tail shows it: the flow's own
     * scrollTo moves only as far as needed. ListView.scrollTo asks for the last row at the top,
     * which the flow then corrects; on the way, with wrapped rows of varying height, JavaFX logged
     * "index exceeds maxCellCount" on the terminal (1 to 4 times in each RunFloodEngineTest; none
     * in two runs since).
     */
    private void showLast() {
        if (lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            flow.scrollTo(shown.size() - 1);
        } else {
            scrollTo(shown.size() - 1); // not shown yet: no flow to ask
        }
    }

    void placeholder(String text) {
        setPlaceholder(new Label(text));
    }

    private static final class EventCell extends ListCell<Repeated> {
        EventCell() {
            setWrapText(true);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(Repeated event, boolean empty) {
            super.updateItem(event, empty);
            getStyleClass().removeAll("event-denied", "event-allowed", "event-other");
            if (empty || event == null) {
                setText(null);
                return;
            }
            setText(EventText.format(event.latest()) + (event.count() > 1 ? String.format("   ×%,d", event.count()) : ""));
            getStyleClass().add(switch (event.latest().kind()) {
                case DENIED -> "event-denied";
                case ALLOWED -> "event-allowed";
                default -> "event-other";
            });
        }
    }
}
