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
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Skin;
import javafx.scene.control.skin.ListViewSkin;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

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
    private boolean followingNewest = true;

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
        addEventFilter(ScrollEvent.SCROLL, event -> {
            if (event.getDeltaY() > 0) {
                followingNewest = false; // towards older events: the next layout must not pull the list back
            }
            followIfAtTheEnd();
        });
        addEventFilter(MouseEvent.MOUSE_PRESSED, event -> {
            if (inScrollBar(event.getTarget())) {
                followingNewest = false; // the scroll bar held; a click on a row keeps following
            }
        });
        addEventFilter(MouseEvent.MOUSE_RELEASED, event -> {
            if (inScrollBar(event.getTarget())) {
                followIfAtTheEnd();
            }
        });
        addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.UP || event.getCode() == KeyCode.PAGE_UP || event.getCode() == KeyCode.HOME) {
                followingNewest = false;
            }
        });
        addEventFilter(KeyEvent.KEY_RELEASED, event -> {
            if (event.getCode().isNavigationKey()) {
                followIfAtTheEnd();
            }
        });
    }

    void clear() {
        listed = new RepeatAggregator(KEEP_EVENTS);
        shown.clear();
        followingNewest = true;
    }

    /**
     * Adds a batch, oldest first: one change of the list per batch. While the view follows the
     * newest, its flow brings the newest to the bottom when it lays the new rows out.
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
        MenuItem copy = new MenuItem("Copy");
        copy.setAccelerator(COPY);
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

    /** A row's text: the event as {@code logs} prints it, and how many times it came. */
    static String rowText(Repeated event) {
        return EventText.format(event.latest()) + (event.count() > 1 ? String.format("   ×%,d", event.count()) : "");
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

    /**
     * Whether the view keeps the newest event at its bottom, as a log's tail does: true until the
     * user scrolls away from the end, true again when they scroll back to it. Only the user's
     * moves change it, so batches that come faster than the screen is drawn never stop it.
     */
    boolean followsNewest() {
        return followingNewest;
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new ListViewSkin<>(this) {
            @Override
            protected VirtualFlow<ListCell<Repeated>> createVirtualFlow() {
                return new TailFlow();
            }
        };
    }

    /** Once the user's scroll has moved the list: follow again if it now ends on the newest. */
    private void followIfAtTheEnd() {
        Platform.runLater(() -> followingNewest = followingNewest || shown.isEmpty() || newestFullyShown());
    }

    private static boolean inScrollBar(Object target) {
        for (Node at = target instanceof Node node ? node : null; at != null; at = at.getParent()) {
            if (at instanceof ScrollBar) {
                return true;
            }
        }
        return false;
    }

    private boolean newestFullyShown() {
        if (!(lookup(".virtual-flow") instanceof VirtualFlow<?> flow) || flow.getLastVisibleCell() == null) {
            return true;
        }
        IndexedCell<?> last = flow.getLastVisibleCell();
        Node viewport = flow.lookup(".clipped-container");
        double viewportHeight = viewport == null ? flow.getHeight() : viewport.getLayoutBounds().getHeight();
        return last.getIndex() == shown.size() - 1 && last.getLayoutY() + last.getHeight() <= viewportHeight + 1;
    }

    /**
     * The list's flow, pinned to the newest row at every layout while the view follows. Pinning in
     * the flow's own layout, after it has taken the new count, the scroll bar's width and the rows'
     * wrapped heights into account, is what makes it exact: scrolling when a batch is handed on ran
     * before that layout and stayed short of the newest now and then (RunFloodEngineTest, once in
     * six CI runs), and rows that wrap again once the scroll bar appears pushed it below the view.
     */
    private final class TailFlow extends VirtualFlow<ListCell<Repeated>> {
        /**
         * How many more layouts may go to reaching the newest. The flow places rows of varying
         * height by an estimate of the whole list's length that it refines as it measures rows, so
         * a scroll can land short and the next layout gets nearer; this bounds those layouts
         * should the estimate never settle.
         */
        private int layoutsToPin;
        private int pinnedCount = -1;
        private double pinnedWidth = -1;
        private double pinnedHeight = -1;

        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            int newest = getCellCount() - 1;
            if (newest != pinnedCount - 1 || getWidth() != pinnedWidth || getHeight() != pinnedHeight) {
                pinnedCount = newest + 1;
                pinnedWidth = getWidth();
                pinnedHeight = getHeight();
                layoutsToPin = 10;
            }
            if (!followingNewest || newest < 0 || layoutsToPin <= 0) {
                return;
            }
            ListCell<Repeated> newestCell = getVisibleCell(newest);
            if (newestCell == null) {
                scrollTo(newest); // brings it into the flow, sometimes only in the next layout
                newestCell = getVisibleCell(newest);
            }
            if (newestCell != null) {
                scrollToBottom(newestCell); // nothing when it already ends at the bottom
            }
            if (newestCell == null || !endsAtTheBottom(newestCell)) {
                layoutsToPin--;
                Platform.runLater(this::requestLayout);
            }
        }

        private boolean endsAtTheBottom(ListCell<Repeated> cell) {
            double viewport = getHeight() - (getHbar().isVisible() ? getHbar().getHeight() : 0);
            double bottom = cell.getLayoutY() + cell.getHeight();
            boolean allRowsFit = getFirstVisibleCell() != null && getFirstVisibleCell().getIndex() == 0
                    && getFirstVisibleCell().getLayoutY() >= 0 && bottom <= viewport;
            return allRowsFit || Math.abs(bottom - viewport) <= 1;
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
            setText(rowText(event));
            getStyleClass().add(switch (event.latest().kind()) {
                case DENIED -> "event-denied";
                case ALLOWED -> "event-allowed";
                default -> "event-other";
            });
        }
    }
}
