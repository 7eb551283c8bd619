package dev.armorbench.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.MultiChangeBuilder;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Find and replace under the editor: plain text or regular expression, with or without case. Enter
 * finds the next match, Shift+Enter the previous; Replace All is one undoable edit.
 */
public final class SearchBar extends VBox implements EditorComponent {
    private final TextField query = new TextField();
    private final TextField replacement = new TextField();
    private final ToggleButton regex = new ToggleButton(".*");
    private final ToggleButton matchCase = new ToggleButton("Aa");
    private final HBox replaceRow;
    private final Label status = new Label();
    private CodeArea area;
    private ProfileEditor editor;

    public SearchBar() {
        getStyleClass().add("search-bar");
        setPadding(new Insets(4, 8, 4, 8));
        setSpacing(4);
        query.setId("search-query");
        query.setPromptText("Find");
        query.setPrefColumnCount(30);
        replacement.setId("search-replacement");
        replacement.setPromptText("Replace with");
        replacement.setPrefColumnCount(30);
        regex.setTooltip(new Tooltip("Regular expression"));
        matchCase.setTooltip(new Tooltip("Match case"));
        regex.setId("search-regex");
        matchCase.setId("search-match-case");
        status.getStyleClass().add("search-status");
        status.setId("search-status");

        query.textProperty().addListener((obs, old, text) -> findFrom(area.getSelection().getStart(), true));
        regex.selectedProperty().addListener((obs, old, on) -> findFrom(area.getSelection().getStart(), true));
        matchCase.selectedProperty().addListener((obs, old, on) -> findFrom(area.getSelection().getStart(), true));
        query.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                findNext(!event.isShiftDown());
                event.consume();
            } else if (event.getCode() == KeyCode.ESCAPE) {
                close();
                event.consume();
            }
        });
        replacement.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                replaceCurrent();
                event.consume();
            } else if (event.getCode() == KeyCode.ESCAPE) {
                close();
                event.consume();
            }
        });

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox findRow = new HBox(6, new FontIcon("mdi2m-magnify"), query, matchCase, regex,
                button("mdi2c-chevron-up", "Previous match (Shift+Enter)", () -> findNext(false)),
                button("mdi2c-chevron-down", "Next match (Enter)", () -> findNext(true)),
                status, spacer, button("mdi2c-close", "Close (Esc)", this::close));
        findRow.setAlignment(Pos.CENTER_LEFT);
        Button replaceOne = new Button("Replace");
        replaceOne.setId("search-replace");
        replaceOne.setOnAction(event -> replaceCurrent());
        Button replaceAll = new Button("Replace All");
        replaceAll.setId("search-replace-all");
        replaceAll.setOnAction(event -> replaceAll());
        replaceRow = new HBox(6, new FontIcon("mdi2f-find-replace"), replacement, replaceOne, replaceAll);
        replaceRow.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(findRow, replaceRow);
        show(false);
    }

    @Override
    public void install(ProfileEditor editor) {
        this.editor = editor;
        this.area = editor.area();
        editor.bottomBars().getChildren().add(this);
    }

    @Override
    public void uninstall(ProfileEditor editor) {
        editor.bottomBars().getChildren().remove(this);
    }

    /** Opens the bar for finding ({@code withReplace} false) or for replacing. */
    public void open(boolean withReplace) {
        String selected = area.getSelectedText();
        if (!selected.isEmpty() && !selected.contains("\n")) {
            query.setText(regex.isSelected() ? Pattern.quote(selected) : selected);
        }
        show(true);
        replaceRow.setVisible(withReplace);
        replaceRow.setManaged(withReplace);
        query.requestFocus();
        query.selectAll();
    }

    public void close() {
        show(false);
        status.setText("");
        area.requestFocus();
    }

    public void setQuery(String text, boolean asRegex, boolean caseSensitive) {
        regex.setSelected(asRegex);
        matchCase.setSelected(caseSensitive);
        query.setText(text);
    }

    public void setReplacement(String text) {
        replacement.setText(text);
    }

    /** Selects the next (or previous) match after (or before) the selection, wrapping around. */
    public void findNext(boolean forward) {
        findFrom(forward ? area.getSelection().getEnd() : area.getSelection().getStart(), forward);
    }

    /** Replaces the selected match and moves to the next one. */
    public void replaceCurrent() {
        Optional<Pattern> pattern = pattern();
        if (pattern.isEmpty()) {
            return;
        }
        String selected = area.getSelectedText();
        Matcher matcher = pattern.get().matcher(selected);
        if (!selected.isEmpty() && matcher.matches()) {
            int start = area.getSelection().getStart();
            String replaced = matcher.replaceFirst(replacementTemplate());
            area.replaceText(start, area.getSelection().getEnd(), replaced);
            area.selectRange(start + replaced.length(), start + replaced.length());
        }
        findNext(true);
    }

    /** Replaces every match in one undoable edit; returns how many. */
    public int replaceAll() {
        Optional<Pattern> pattern = pattern();
        if (pattern.isEmpty()) {
            return 0;
        }
        String text = area.getText();
        Matcher matcher = pattern.get().matcher(text);
        List<int[]> ranges = new ArrayList<>();
        List<String> replacements = new ArrayList<>();
        int appended = 0;
        while (matcher.find()) {
            // appendReplacement expands group references; what it adds after the gap is the replacement.
            StringBuilder expanded = new StringBuilder();
            matcher.appendReplacement(expanded, replacementTemplate());
            String replaced = expanded.substring(matcher.start() - appended);
            appended = matcher.end();
            if (matcher.end() == matcher.start()) {
                continue; // An empty match replaces nothing a person meant to replace.
            }
            ranges.add(new int[] {matcher.start(), matcher.end()});
            replacements.add(replaced);
        }
        if (ranges.isEmpty()) {
            status.setText("No matches");
            return 0;
        }
        MultiChangeBuilder<?, ?, ?> change = area.createMultiChange(ranges.size());
        // From the end, so earlier offsets stay valid.
        for (int i = ranges.size() - 1; i >= 0; i--) {
            change.replaceTextAbsolutely(ranges.get(i)[0], ranges.get(i)[1], replacements.get(i));
        }
        change.commit();
        status.setText("Replaced " + ranges.size());
        return ranges.size();
    }

    /** The replacement text as given, with {@code $1} group references only in regular-expression mode. */
    private String replacementTemplate() {
        return regex.isSelected() ? replacement.getText() : Matcher.quoteReplacement(replacement.getText());
    }

    private void findFrom(int from, boolean forward) {
        Optional<Pattern> pattern = pattern();
        if (pattern.isEmpty()) {
            return;
        }
        Matcher matcher = pattern.get().matcher(area.getText());
        List<int[]> matches = new ArrayList<>();
        while (matcher.find()) {
            if (matcher.end() > matcher.start()) {
                matches.add(new int[] {matcher.start(), matcher.end()});
            }
        }
        if (matches.isEmpty()) {
            status.setText("No matches");
            return;
        }
        int chosen = -1;
        if (forward) {
            for (int i = 0; i < matches.size() && chosen < 0; i++) {
                if (matches.get(i)[0] >= from) {
                    chosen = i;
                }
            }
            chosen = chosen < 0 ? 0 : chosen;
        } else {
            for (int i = matches.size() - 1; i >= 0 && chosen < 0; i--) {
                if (matches.get(i)[0] < from) {
                    chosen = i;
                }
            }
            chosen = chosen < 0 ? matches.size() - 1 : chosen;
        }
        area.selectRange(matches.get(chosen)[0], matches.get(chosen)[1]);
        area.requestFollowCaret();
        status.setText((chosen + 1) + " of " + matches.size());
    }

    private Optional<Pattern> pattern() {
        String text = query.getText();
        if (text.isEmpty()) {
            status.setText("");
            return Optional.empty();
        }
        int flags = (matchCase.isSelected() ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                | (regex.isSelected() ? Pattern.MULTILINE : Pattern.LITERAL);
        try {
            return Optional.of(Pattern.compile(text, flags));
        } catch (PatternSyntaxException e) {
            status.setText("Invalid expression: " + e.getDescription());
            return Optional.empty();
        }
    }

    private void show(boolean visible) {
        setVisible(visible);
        setManaged(visible);
    }

    private static Button button(String icon, String tooltip, Runnable action) {
        Button button = new Button(null, new FontIcon(icon));
        button.getStyleClass().addAll("flat", "button-icon");
        button.setTooltip(new Tooltip(tooltip));
        button.setFocusTraversable(false);
        button.setOnAction(event -> action.run());
        return button;
    }
}
