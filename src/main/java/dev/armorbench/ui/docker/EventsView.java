package dev.armorbench.ui.docker;

import dev.armorbench.audit.AuditEvent;
import dev.armorbench.audit.EventText;
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

    void add(AuditEvent event) {
        if (events.size() >= KEEP_EVENTS) {
            // The run's counts and suggestions cover all of them; the list shows the latest.
            events.remove(0, events.size() - KEEP_EVENTS + 1);
        }
        events.add(event);
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
