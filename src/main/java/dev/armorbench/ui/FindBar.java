package dev.armorbench.ui;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.fxmisc.richtext.CodeArea;
import org.kordamp.ikonli.javafx.FontIcon;

/** A find bar under the editor: type to find, Enter for the next match, Shift+Enter for the previous. */
public final class FindBar extends HBox {
    private final CodeArea area;
    private final TextField query = new TextField();
    private final CheckBox matchCase = new CheckBox("Match case");
    private final Label status = new Label();

    public FindBar(CodeArea area) {
        this.area = area;
        getStyleClass().add("find-bar");
        setSpacing(8);
        setPadding(new Insets(4, 8, 4, 8));
        setAlignment(Pos.CENTER_LEFT);
        setVisible(false);
        setManaged(false);

        query.setId("find-query");
        query.setPromptText("Find");
        query.setPrefColumnCount(28);
        query.textProperty().addListener((obs, old, text) -> findFrom(area.getSelection().getStart(), true));
        query.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                findNext(!event.isShiftDown());
                event.consume();
            } else if (event.getCode() == KeyCode.ESCAPE) {
                close();
                event.consume();
            }
        });
        matchCase.selectedProperty().addListener((obs, old, selected) -> findFrom(area.getSelection().getStart(), true));

        Button previous = iconButton("mdi2c-chevron-up", "Previous match (Shift+Enter)", () -> findNext(false));
        Button next = iconButton("mdi2c-chevron-down", "Next match (Enter)", () -> findNext(true));
        Button close = iconButton("mdi2c-close", "Close (Esc)", this::close);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        status.getStyleClass().add("find-status");
        getChildren().addAll(new FontIcon("mdi2m-magnify"), query, previous, next, matchCase, status, spacer, close);
    }

    /** Shows the bar with the selected text (if any) as the query. */
    public void open() {
        String selected = area.getSelectedText();
        if (!selected.isEmpty() && !selected.contains("\n")) {
            query.setText(selected);
        }
        setVisible(true);
        setManaged(true);
        query.requestFocus();
        query.selectAll();
    }

    public void close() {
        setVisible(false);
        setManaged(false);
        status.setText("");
        area.requestFocus();
    }

    /** Selects the next (or previous) match after (or before) the current selection, wrapping around. */
    public void findNext(boolean forward) {
        int from = forward ? area.getSelection().getEnd() : area.getSelection().getStart();
        findFrom(from, forward);
    }

    private void findFrom(int from, boolean forward) {
        String needle = query.getText();
        if (needle.isEmpty()) {
            status.setText("");
            return;
        }
        String haystack = area.getText();
        if (!matchCase.isSelected()) {
            haystack = haystack.toLowerCase(Locale.ROOT);
            needle = needle.toLowerCase(Locale.ROOT);
        }
        int found = forward ? haystack.indexOf(needle, from) : haystack.lastIndexOf(needle, from - 1);
        if (found < 0) {
            found = forward ? haystack.indexOf(needle) : haystack.lastIndexOf(needle);
        }
        if (found < 0) {
            status.setText("No matches");
            return;
        }
        area.selectRange(found, found + needle.length());
        area.requestFollowCaret();
        status.setText(describe(haystack, needle, found));
    }

    private static String describe(String haystack, String needle, int selected) {
        int count = 0;
        int index = 0;
        for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length())) {
            count++;
            if (at == selected) {
                index = count;
            }
        }
        return index + " of " + count;
    }

    private static Button iconButton(String icon, String tooltip, Runnable action) {
        Button button = new Button(null, new FontIcon(icon));
        button.getStyleClass().addAll("flat", "button-icon");
        button.setTooltip(new javafx.scene.control.Tooltip(tooltip));
        button.setOnAction(event -> action.run());
        button.setFocusTraversable(false);
        return button;
    }
}
