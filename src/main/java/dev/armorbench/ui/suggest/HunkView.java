package dev.armorbench.ui.suggest;

import dev.armorbench.policy.check.Diagnostic;
import dev.armorbench.suggest.Alternative;
import dev.armorbench.suggest.EventSummary;
import dev.armorbench.suggest.Hunk;
import dev.armorbench.suggest.Suggestion;
import dev.armorbench.suggest.RuleQualifiers;
import dev.armorbench.policy.syntax.LexerState;
import dev.armorbench.ui.editor.TokenStyles;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.value.ObservableDoubleValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One pending hunk as drawn under its line: a header (profile, rule and event counts, a flag when
 * applying it would add errors, Accept and Reject), the added lines with a {@code +} in a gutter
 * column and a chooser where a line has alternatives, and a line naming the events behind it.
 * Heights are fixed in pixels, because the editor makes room for the block before it is styled.
 */
final class HunkView extends VBox {
    static final double HEADER_HEIGHT = 26;
    static final double ROW_HEIGHT = 20;
    static final double DETAIL_HEIGHT = 20;
    private static final double PADDING = 3;
    private static final double BORDER = 1;

    /**
     * How many added lines a hunk draws at first. A process that walks a tree asks for thousands of
     * rules in one place, and a block of thousands of drawn lines under one line of text (each with
     * its tooltip and chooser) exhausted the heap; the rest are counted in a last row, drawn on request
     * ({@link Actions#showMoreLines}) a hundred at a time. Accept and Reject still take the whole hunk.
     */
    static final int FIRST_LINES = 30;
    static final int MORE_LINES = 100;
    /** How many of the rules an offer replaces its tooltip lists. */
    private static final int REPLACED_LISTED = 12;

    /** What the buttons and choosers do; the diff component answers. */
    interface Actions {
        void accept(Hunk hunk);

        /** Draws {@link #MORE_LINES} more of the added lines of long hunks. */
        void showMoreLines();

        void reject(Hunk hunk);

        void choose(Suggestion suggestion, int alternative);

        void qualify(Suggestion suggestion, RuleQualifiers qualifiers);

        /** The rules an offer replaces instead of it (a glob's files, an include's rules). */
        void split(Suggestion suggestion);
    }

    /** One line the hunk adds, with the suggestion it writes (null for a new child's header or brace). */
    record AddedLine(String text, Suggestion suggestion) {
    }

    private final ObservableDoubleValue gutterWidth;

    /** @param linesDrawn how many of {@code lines} are drawn; the others are counted in a row of their own */
    HunkView(Hunk hunk, List<AddedLine> lines, int linesDrawn, List<Diagnostic> newErrors, boolean focused,
            ObservableDoubleValue gutterWidth, Actions actions) {
        this.gutterWidth = gutterWidth;
        getStyleClass().add("suggestion-hunk");
        if (focused) {
            getStyleClass().add("focused");
        }
        setPadding(new Insets(PADDING, 0, PADDING, 0));
        int drawn = Math.min(linesDrawn, lines.size());
        int notDrawn = lines.size() - drawn;
        double height = heightFor(drawn + (notDrawn > 0 ? 1 : 0));
        setMinHeight(height);
        setPrefHeight(height);
        setMaxHeight(height);
        getChildren().add(header(hunk, lines, newErrors, focused, gutterWidth, actions));
        for (AddedLine line : lines.subList(0, drawn)) {
            getChildren().add(row(line, gutterWidth, actions));
        }
        if (notDrawn > 0) {
            getChildren().add(moreLines(notDrawn, gutterWidth, actions));
        }
        getChildren().add(detail(hunk, gutterWidth));
        // Clicks on the block belong to it: they must not move the caret of the text underneath.
        addEventHandler(javafx.scene.input.MouseEvent.MOUSE_PRESSED, javafx.scene.input.MouseEvent::consume);
        addEventHandler(javafx.scene.input.MouseEvent.MOUSE_CLICKED, javafx.scene.input.MouseEvent::consume);
    }

    /** The width of the gutter column, where the added text starts. */
    double gutterWidth() {
        return gutterWidth.get();
    }

    static double heightFor(int lines) {
        return HEADER_HEIGHT + lines * ROW_HEIGHT + DETAIL_HEIGHT + 2 * PADDING + 2 * BORDER;
    }

    private static HBox header(Hunk hunk, List<AddedLine> lines, List<Diagnostic> newErrors, boolean focused,
            ObservableDoubleValue gutterWidth, Actions actions) {
        FontIcon icon = new FontIcon("mdi2l-lightbulb-on-outline");
        icon.getStyleClass().add("hunk-icon");
        StackPane iconCell = gutterCell(gutterWidth, icon);
        iconCell.setAlignment(Pos.CENTER_RIGHT);
        iconCell.setPadding(new Insets(0, 8, 0, 0));

        int rules = hunk.suggestions().size();
        Label title = new Label(hunk.profile().label() + "  ·  " + rules + (rules == 1 ? " rule" : " rules"));
        title.getStyleClass().add("hunk-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        Label events = new Label(counts(hunk.events()));
        events.getStyleClass().add("hunk-events");
        events.setMinWidth(Region.USE_PREF_SIZE);
        Tooltip.install(events, tooltip(hunk.events().describe()));

        HBox row = new HBox(6, iconCell, title, events);
        if (newErrors == null) {
            Label checking = new Label("checking…");
            checking.getStyleClass().add("hunk-checking");
            row.getChildren().add(checking);
        } else if (!newErrors.isEmpty()) {
            Label flag = new Label("adds " + newErrors.size() + (newErrors.size() == 1 ? " error" : " errors"),
                    new FontIcon("mdi2a-alert-circle-outline"));
            flag.getStyleClass().add("hunk-new-errors");
            flag.setMinWidth(Region.USE_PREF_SIZE);
            flag.setTooltip(tooltip(newErrors.stream()
                    .map(d -> "line " + d.line() + ": " + d.message() + " [" + d.code() + "]")
                    .collect(Collectors.joining("\n", "Applying this hunk would add:\n", ""))));
            row.getChildren().add(flag);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        row.getChildren().add(spacer);
        if (focused) {
            Label keys = new Label("Alt+Enter  ·  Alt+Backspace" + (hasAlternatives(lines) ? "  ·  Alt+A" : ""));
            keys.getStyleClass().add("hunk-keys");
            keys.setMinWidth(Region.USE_PREF_SIZE);
            row.getChildren().add(keys);
        }
        Button accept = new Button("Accept", new FontIcon("mdi2c-check"));
        accept.getStyleClass().addAll("small", "success", "hunk-accept");
        accept.setTooltip(tooltip("Add these lines to the profile (Alt+Enter)"));
        accept.setOnAction(event -> actions.accept(hunk));
        accept.setFocusTraversable(false);
        Button reject = new Button("Reject", new FontIcon("mdi2c-close"));
        reject.getStyleClass().addAll("small", "flat", "hunk-reject");
        reject.setTooltip(tooltip("Drop this suggestion (Alt+Backspace)"));
        reject.setOnAction(event -> actions.reject(hunk));
        reject.setFocusTraversable(false);
        row.getChildren().addAll(accept, reject);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new Insets(0, 10, 0, 0));
        fix(row, HEADER_HEIGHT);
        row.getStyleClass().add("hunk-header");
        return row;
    }

    private static HBox row(AddedLine line, ObservableDoubleValue gutterWidth, Actions actions) {
        Label plus = new Label("+");
        plus.getStyleClass().add("added-marker");
        StackPane marker = gutterCell(gutterWidth, plus);
        marker.getStyleClass().add("added-gutter");
        marker.setAlignment(Pos.CENTER_RIGHT);
        marker.setPadding(new Insets(0, 8, 0, 0));

        javafx.scene.text.TextFlow text = highlighted(line.text().replace("\t", "    "));
        text.getStyleClass().add("added-text");
        text.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox row = new HBox(marker, text, spacer);
        Suggestion suggestion = line.suggestion();
        if (suggestion != null) {
            Tooltip.install(row, tooltip(describe(suggestion)));
            if (suggestion.alternatives().size() > 1 || SuggestionDiff.canQualify(suggestion)
                    || !suggestion.replaces().isEmpty()) {
                row.getChildren().add(chooser(suggestion, actions));
            }
        }
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new Insets(0, 10, 0, 0));
        row.getStyleClass().add("added-line");
        fix(row, ROW_HEIGHT);
        return row;
    }

    /** "… 4,970 more lines" and a button that draws the next hundred. */
    private static HBox moreLines(int notDrawn, ObservableDoubleValue gutterWidth, Actions actions) {
        Label count = new Label(String.format("… %,d more %s (Accept and Reject take them too)", notDrawn,
                notDrawn == 1 ? "line" : "lines"));
        count.getStyleClass().add("hunk-more-lines");
        count.setMinWidth(Region.USE_PREF_SIZE);
        Button more = new Button("Show " + Math.min(MORE_LINES, notDrawn) + " more");
        more.getStyleClass().addAll("small", "flat", "hunk-show-more");
        more.setFocusTraversable(false);
        more.setOnAction(event -> actions.showMoreLines());
        HBox row = new HBox(6, gutterCell(gutterWidth, new Region()), count, more);
        row.setAlignment(Pos.CENTER_LEFT);
        fix(row, ROW_HEIGHT);
        return row;
    }

    /**
     * The line in the editor's own colours: the same lexer and style classes as the text (a rule
     * line starts between rules), so an added rule reads like the rules around it.
     */
    private static javafx.scene.text.TextFlow highlighted(String line) {
        char[] chars = line.toCharArray();
        javafx.scene.text.TextFlow flow = new javafx.scene.text.TextFlow();
        int at = 0;
        for (TokenStyles.Span span : TokenStyles.style(chars, 0, chars.length, LexerState.INITIAL).spans()) {
            javafx.scene.text.Text piece = new javafx.scene.text.Text(line.substring(at, Math.min(line.length(), at + span.length())));
            piece.getStyleClass().add("text");
            if (!span.styleClass().isEmpty()) {
                piece.getStyleClass().addAll(span.styleClass().split(" "));
            }
            flow.getChildren().add(piece);
            at += span.length();
        }
        if (at < line.length()) {
            javafx.scene.text.Text rest = new javafx.scene.text.Text(line.substring(at));
            rest.getStyleClass().add("text");
            flow.getChildren().add(rest);
        }
        return flow;
    }

    private static Node chooser(Suggestion suggestion, Actions actions) {
        RuleQualifiers now = RuleQualifiers.of(suggestion.chosen().rule());
        String qualified = (now.audit() ? "audit " : "") + (now.deny() ? "deny " : "");
        boolean named = suggestion.alternatives().size() > 1 || !suggestion.replaces().isEmpty();
        MenuButton menu = new MenuButton(qualified + (named ? suggestion.chosen().label() : "as is"));
        menu.getStyleClass().addAll("small", "flat", "alternative-chooser");
        menu.setFocusTraversable(false);
        ToggleGroup group = new ToggleGroup();
        for (int i = 0; i < suggestion.alternatives().size(); i++) {
            Alternative alternative = suggestion.alternatives().get(i);
            RadioMenuItem item = new RadioMenuItem(alternative.rule() + "    (" + alternative.label() + ")");
            item.setMnemonicParsing(false);
            item.setToggleGroup(group);
            item.setSelected(i == suggestion.defaultIndex());
            int index = i;
            item.setOnAction(event -> actions.choose(suggestion, index));
            menu.getItems().add(item);
        }
        if (!suggestion.replaces().isEmpty()) {
            if (!menu.getItems().isEmpty()) {
                menu.getItems().add(new javafx.scene.control.SeparatorMenuItem());
            }
            MenuItem split = new MenuItem(SuggestionDiff.splitLabel(suggestion));
            split.setMnemonicParsing(false);
            split.setOnAction(event -> actions.split(suggestion));
            menu.getItems().add(split);
        }
        if (SuggestionDiff.canQualify(suggestion)) {
            if (!menu.getItems().isEmpty()) {
                menu.getItems().add(new javafx.scene.control.SeparatorMenuItem());
            }
            boolean fileLike = suggestion.kind() == dev.armorbench.suggest.RuleKind.FILE
                    || suggestion.kind() == dev.armorbench.suggest.RuleKind.LINK;
            menu.getItems().add(toggle("audit (log each use)", now.audit(),
                    on -> actions.qualify(suggestion, new RuleQualifiers(on, now.deny(), now.owner()))));
            menu.getItems().add(toggle("deny (refuse it; the log stops asking)", now.deny(),
                    on -> actions.qualify(suggestion, new RuleQualifiers(now.audit(), on, now.owner()))));
            if (fileLike) {
                menu.getItems().add(toggle("owner (only files the process's user owns)", now.owner(),
                        on -> actions.qualify(suggestion, new RuleQualifiers(now.audit(), now.deny(), on))));
            }
        }
        menu.setTooltip(tooltip("Write it another way: exact to broad, audit, deny, owner (Alt+A)"
                + (suggestion.replaces().isEmpty() ? "" : "; or the rules it stands for, one by one")));
        return menu;
    }

    private static javafx.scene.control.CheckMenuItem toggle(String text, boolean on,
            java.util.function.Consumer<Boolean> action) {
        javafx.scene.control.CheckMenuItem item = new javafx.scene.control.CheckMenuItem(text);
        item.setMnemonicParsing(false);
        item.setSelected(on);
        item.setOnAction(event -> action.accept(item.isSelected()));
        return item;
    }

    private static HBox detail(Hunk hunk, ObservableDoubleValue gutterWidth) {
        EventSummary events = hunk.events();
        List<String> parts = new ArrayList<>();
        if (events.firstSource() != null) {
            parts.add("first at " + events.firstSource());
        }
        if (!events.objects().isEmpty()) {
            parts.add(String.join(", ", events.objects()));
        }
        Label text = new Label(String.join("   ·   ", parts));
        text.getStyleClass().add("hunk-detail");
        HBox row = new HBox(gutterCell(gutterWidth, new Region()), text);
        row.setAlignment(Pos.CENTER_LEFT);
        fix(row, DETAIL_HEIGHT);
        Tooltip.install(row, tooltip(events.describe()));
        return row;
    }

    /** A cell as wide as the editor's line gutter, so the hunk's columns line up with the text's. */
    private static StackPane gutterCell(ObservableDoubleValue gutterWidth, Node content) {
        StackPane cell = new StackPane(content);
        cell.minWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(gutterWidth::get, gutterWidth));
        cell.maxWidthProperty().bind(cell.minWidthProperty());
        cell.prefWidthProperty().bind(cell.minWidthProperty());
        return cell;
    }

    private static void fix(Region row, double height) {
        row.setMinHeight(height);
        row.setPrefHeight(height);
        row.setMaxHeight(height);
    }

    static boolean hasAlternatives(List<AddedLine> lines) {
        return lines.stream().anyMatch(line -> line.suggestion() != null && line.suggestion().alternatives().size() > 1);
    }

    /** {@code 3 denials · comm dnsmasq}; complain-mode events are "allowed". */
    static String counts(EventSummary events) {
        long allowed = events.count() - events.denied();
        String counted;
        if (allowed == 0) {
            counted = events.denied() + (events.denied() == 1 ? " denial" : " denials");
        } else if (events.denied() == 0) {
            counted = allowed + " allowed (complain mode)";
        } else {
            counted = events.count() + " events, " + events.denied() + " denied";
        }
        return counted + (events.exampleComm() == null ? "" : "  ·  comm " + events.exampleComm());
    }

    private static String describe(Suggestion suggestion) {
        StringBuilder text = new StringBuilder(suggestion.events().describe());
        if (suggestion.events().firstSource() != null) {
            text.append("\nfirst at ").append(suggestion.events().firstSource());
        }
        if (!suggestion.replaces().isEmpty()) {
            List<Suggestion> replaces = suggestion.replaces();
            text.append("\ninstead of ").append(replaces.size()).append(" rules:");
            // A glob may stand for thousands: a tooltip lists the first few.
            for (Suggestion replaced : replaces.subList(0, Math.min(REPLACED_LISTED, replaces.size()))) {
                text.append("\n  ").append(replaced.chosen().rule());
            }
            if (replaces.size() > REPLACED_LISTED) {
                text.append(String.format("\n  … and %,d more", replaces.size() - REPLACED_LISTED));
            }
        }
        if (suggestion.alternatives().size() > 1) {
            text.append("\nwritten as: ").append(suggestion.chosen().label());
        }
        return text.toString();
    }

    private static Tooltip tooltip(String text) {
        Tooltip tooltip = new Tooltip(text);
        tooltip.setShowDelay(Duration.millis(300));
        tooltip.setShowDuration(Duration.seconds(30));
        return tooltip;
    }
}
