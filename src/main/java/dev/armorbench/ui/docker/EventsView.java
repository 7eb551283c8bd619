package dev.armorbench.ui.docker;

import dev.armorbench.audit.AuditEvent;
import dev.armorbench.audit.EventText;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

/** The AppArmor events of the profile family since the run's start, newest last, each as one line. */
final class EventsView extends ListView<AuditEvent> {
    static final int KEEP_EVENTS = 5_000;

    private final ObservableList<AuditEvent> events = FXCollections.observableArrayList();

    EventsView() {
        setItems(events);
        setId("docker-run-events");
        getStyleClass().add("run-events");
        setPlaceholder(new Label("No AppArmor events for this profile yet"));
        setCellFactory(list -> new EventCell());
    }

    void clear() {
        events.clear();
    }

    /** Adds a batch, oldest first, and keeps the newest in view: one change of the list per batch. */
    void addAll(List<AuditEvent> batch) {
        if (batch.isEmpty()) {
            return;
        }
        // The run's counts and suggestions cover all of them; the list shows the latest.
        if (batch.size() >= KEEP_EVENTS) {
            events.setAll(batch.subList(batch.size() - KEEP_EVENTS, batch.size()));
        } else {
            int excess = events.size() + batch.size() - KEEP_EVENTS;
            if (excess > 0) {
                events.remove(0, excess);
            }
            events.addAll(batch);
        }
        scrollTo(events.size() - 1);
    }

    void placeholder(String text) {
        setPlaceholder(new Label(text));
    }

    private static final class EventCell extends ListCell<AuditEvent> {
        EventCell() {
            setWrapText(true);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(AuditEvent event, boolean empty) {
            super.updateItem(event, empty);
            getStyleClass().removeAll("event-denied", "event-allowed", "event-other");
            if (empty || event == null) {
                setText(null);
                return;
            }
            setText(EventText.format(event));
            getStyleClass().add(switch (event.kind()) {
                case DENIED -> "event-denied";
                case ALLOWED -> "event-allowed";
                default -> "event-other";
            });
        }
    }
}
