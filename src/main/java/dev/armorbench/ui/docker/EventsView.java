package dev.armorbench.ui.docker;

import dev.armorbench.audit.AuditEvent;
import dev.armorbench.audit.EventJson;
import dev.armorbench.audit.EventText;
import dev.armorbench.audit.RepeatAggregator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Skin;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;

/**
 * The AppArmor events of the profile family since the run's start, one line per distinct event
 * (same kind, profile, operation, object and masks: {@link RepeatAggregator.Key}) with how many
 * times it came; the most recent last. A process that retries a denied access in a loop makes one
 * line that counts up, not a wall of copies. Selected rows copy (Ctrl+C, or the context menu) as
 * shown or as the JSON lines of {@code logs --format json}, for a bug report or a script.
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

    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    private final ObservableList<Repeated> shown = FXCollections.observableArrayList();
    /** The listed events, least recently seen first, at most {@link #KEEP_EVENTS}. */
    private RepeatAggregator listed = new RepeatAggregator(KEEP_EVENTS);

    EventsView() {
        setItems(shown);
        setId("docker-run-events");
        getStyleClass().add("run-events");
        setPlaceholder(new Label("No AppArmor events for this profile yet"));
        setCellFactory(list -> new EventCell());
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        setContextMenu(copyMenu());
        addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (COPY.match(event)) {
                copySelected(EventsView::rowText);
                event.consume();
            }
        });
    }

    void clear() {
        listed = new RepeatAggregator(KEEP_EVENTS);
        shown.clear();
        if (getSkin() instanceof TailFollowingSkin<?> tail) {
            tail.follow();
        }
    }

    /**
     * Adds a batch, oldest first: one change of the list per batch. While the view follows the
     * newest, its skin brings the newest to the bottom when it lays the new rows out.
     */
    void addAll(List<Repeated> batch) {
        if (batch.isEmpty()) {
            return;
        }
        for (Repeated event : batch) {
            listed.add(event.key(), event.latest(), event.count()); // seen again: it moves to the end
        }
        Set<RepeatAggregator.Key> selected = new HashSet<>();
        getSelectionModel().getSelectedItems().forEach(event -> selected.add(event.key()));
        shown.setAll(listed.entries().stream().map(entry -> new Repeated(entry.key(), entry.last(), entry.count())).toList());
        if (!selected.isEmpty()) {
            reselect(selected); // the rows the user picked to copy stay picked while events come
        }
    }

    private void reselect(Set<RepeatAggregator.Key> keys) {
        int[] indices = new int[keys.size()];
        int found = 0;
        for (int i = 0; i < shown.size() && found < indices.length; i++) {
            if (keys.contains(shown.get(i).key())) {
                indices[found++] = i;
            }
        }
        getSelectionModel().clearSelection();
        if (found > 0) {
            getSelectionModel().selectIndices(indices[0], Arrays.copyOfRange(indices, 1, found));
        }
    }

    /** Copy (the rows as shown), Copy as JSON (the kernel's records, as {@code logs --format json} writes them), Select All. */
    private ContextMenu copyMenu() {
        // No accelerator on the item: a control's context menu accelerators go to the whole
        // scene, and Ctrl+C in the tree or the images table copied the selected events. The
        // view's own key handler copies only while it has the focus.
        MenuItem copy = new MenuItem("Copy");
        copy.setOnAction(event -> copySelected(EventsView::rowText));
        MenuItem copyJson = new MenuItem("Copy as JSON");
        copyJson.setOnAction(event -> copySelected(EventsView::json));
        MenuItem selectAll = new MenuItem("Select All");
        selectAll.setOnAction(event -> getSelectionModel().selectAll());
        ContextMenu menu = new ContextMenu(copy, copyJson, new SeparatorMenuItem(), selectAll);
        menu.setOnShowing(event -> {
            boolean none = getSelectionModel().isEmpty();
            copy.setDisable(none);
            copyJson.setDisable(none);
            selectAll.setDisable(shown.isEmpty());
        });
        return menu;
    }

    /** The selected rows, oldest first, one line each, onto the clipboard; nothing when none is selected. */
    private void copySelected(Function<Repeated, String> line) {
        List<Integer> rows = new ArrayList<>(getSelectionModel().getSelectedIndices());
        if (rows.isEmpty()) {
            return;
        }
        Collections.sort(rows);
        StringBuilder text = new StringBuilder();
        for (int row : rows) {
            text.append(line.apply(shown.get(row))).append('\n');
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(text.toString());
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** A row as copied: the event as {@code logs} prints it, and how many times it came. */
    static String rowText(Repeated event) {
        return EventText.format(event.latest()) + (event.count() > 1 ? "   " + countText(event.count()) : "");
    }

    private static String countText(long count) {
        return String.format("×%,d", count);
    }

    /** The latest occurrence's record as one line of {@code logs --format json}, without its newline. */
    private static String json(Repeated event) {
        StringWriter text = new StringWriter();
        try (EventJson json = new EventJson(text)) {
            json.write(event.latest());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString().strip();
    }

    /** Whether the view keeps the newest event at its bottom (see {@link TailFollowingSkin}). */
    boolean followsNewest() {
        return !(getSkin() instanceof TailFollowingSkin<?> tail) || tail.following();
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new TailFollowingSkin<>(this);
    }

    void placeholder(String text) {
        setPlaceholder(new Label(text));
    }

    /**
     * One event's row: its count as a badge on the left, where a row cut short to two lines
     * (as narrow panes cut most) still shows it, then the event as {@code logs} prints it.
     */
    private static final class EventCell extends ListCell<Repeated> {
        private final Label count = new Label();

        EventCell() {
            setWrapText(true);
            setPrefWidth(0);
            count.getStyleClass().add("event-count");
            count.setMinWidth(Region.USE_PREF_SIZE);
        }

        @Override
        protected void updateItem(Repeated event, boolean empty) {
            super.updateItem(event, empty);
            getStyleClass().removeAll("event-denied", "event-allowed", "event-other");
            if (empty || event == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(EventText.format(event.latest()));
            if (event.count() > 1) {
                count.setText(countText(event.count()));
                setGraphic(count);
            } else {
                setGraphic(null);
            }
            getStyleClass().add(switch (event.latest().kind()) {
                case DENIED -> "event-denied";
                case ALLOWED -> "event-allowed";
                default -> "event-other";
            });
        }
    }
}
