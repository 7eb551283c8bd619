package dev.armorbench.ui.editor;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.fxmisc.richtext.CodeArea;

/**
 * A small list shown at the caret over the text (completion, quick fixes). It lives in the editor's
 * overlay layer rather than in a separate window, so it is part of the scene (screenshots show it) and
 * the text keeps the keyboard focus: the owner forwards Up, Down, Page Up/Down, Enter, Tab and Esc.
 */
public final class ChoicePopup<T> {
    private static final double ROW_HEIGHT = 24;
    private static final int VISIBLE_ROWS = 8;

    private final Pane overlay;
    private final CodeArea area;
    private final ListView<T> list = new ListView<>();
    private final Function<T, String> label;
    private Consumer<T> onChoose = item -> { };
    private int anchor = -1;

    public ChoicePopup(ProfileEditor editor, String styleClass, Function<T, String> label, Function<T, String> detail) {
        this.overlay = editor.overlay();
        this.area = editor.area();
        this.label = label;
        list.getStyleClass().addAll("choice-popup", styleClass);
        list.setFocusTraversable(false);
        list.setFixedCellSize(ROW_HEIGHT);
        list.setCellFactory(view -> new ListCell<>() {
            private final Label name = new Label();
            private final Label hint = new Label();
            private final Region spacer = new Region();
            private final HBox row = new HBox(12, name, spacer, hint);

            {
                HBox.setHgrow(spacer, Priority.ALWAYS);
                hint.getStyleClass().add("choice-detail");
                name.getStyleClass().add("choice-label");
                row.setAlignment(Pos.CENTER_LEFT);
            }

            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                } else {
                    name.setText(label.apply(item));
                    hint.setText(detail.apply(item));
                    setGraphic(row);
                }
            }
        });
        list.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() >= 1) {
                selected().ifPresent(this::choose);
            }
        });
    }

    public void setOnChoose(Consumer<T> onChoose) {
        this.onChoose = onChoose;
    }

    public boolean isShowing() {
        return overlay.getChildren().contains(list);
    }

    public List<T> items() {
        return List.copyOf(list.getItems());
    }

    public Optional<T> selected() {
        return Optional.ofNullable(list.getSelectionModel().getSelectedItem());
    }

    /** Shows the items under the caret (above it when there is no room below), the given one selected. */
    public void show(List<T> items, int selectedIndex) {
        show(items, selectedIndex, -1);
    }

    /** Shows the items under the character at {@code anchor} (the start of the word they replace). */
    public void show(List<T> items, int selectedIndex, int anchor) {
        this.anchor = anchor;
        list.getItems().setAll(items);
        list.getSelectionModel().select(Math.max(0, Math.min(selectedIndex, items.size() - 1)));
        list.scrollTo(list.getSelectionModel().getSelectedIndex());
        double height = Math.min(items.size(), VISIBLE_ROWS) * ROW_HEIGHT + 4;
        double width = Math.max(260, Math.min(480, longest(items) * 8.0 + 140));
        list.setPrefSize(width, height);
        list.resize(width, height);
        if (!isShowing()) {
            overlay.getChildren().add(list);
        }
        place(width, height);
    }

    public void hide() {
        overlay.getChildren().remove(list);
    }

    /** Handles a navigation key while showing; true when it was one (the caller consumes the event). */
    public boolean handle(KeyEvent event) {
        if (!isShowing()) {
            return false;
        }
        int size = list.getItems().size();
        int index = list.getSelectionModel().getSelectedIndex();
        KeyCode code = event.getCode();
        switch (code) {
            case UP -> select((index - 1 + size) % size);
            case DOWN -> select((index + 1) % size);
            case PAGE_UP -> select(Math.max(0, index - VISIBLE_ROWS));
            case PAGE_DOWN -> select(Math.min(size - 1, index + VISIBLE_ROWS));
            case ENTER, TAB -> selected().ifPresent(this::choose);
            case ESCAPE -> hide();
            default -> {
                return false;
            }
        }
        return true;
    }

    private void select(int index) {
        list.getSelectionModel().select(index);
        list.scrollTo(Math.max(0, index - VISIBLE_ROWS / 2));
    }

    private void choose(T item) {
        hide();
        onChoose.accept(item);
        area.requestFocus();
    }

    private int longest(List<T> items) {
        int longest = 0;
        for (T item : items) {
            longest = Math.max(longest, label.apply(item).length());
        }
        return Math.min(longest, 40);
    }

    private void place(double width, double height) {
        Optional<Bounds> caret = anchor >= 0 && anchor < area.getLength()
                ? area.getCharacterBoundsOnScreen(anchor, anchor + 1).or(area::getCaretBounds)
                : area.getCaretBounds();
        if (caret.isEmpty()) {
            list.relocate(8, 8);
            return;
        }
        Bounds local = overlay.screenToLocal(caret.get());
        if (local == null) {
            list.relocate(8, 8);
            return;
        }
        // The list's text lines up with the word it completes (cells are padded by 10).
        double x = Math.max(0, Math.min(local.getMinX() - 11, overlay.getWidth() - width));
        double y = local.getMaxY() + 2;
        if (y + height > overlay.getHeight() && local.getMinY() - height - 2 >= 0) {
            y = local.getMinY() - height - 2;
        }
        list.relocate(x, y);
    }
}
