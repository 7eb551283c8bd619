package dev.armorbench.ui.suggest;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The bar under the editor while suggestions wait: how many, where they came from, what could not
 * be placed in this document, and the actions on all of them.
 */
final class SuggestionBar extends HBox {
    private final Label summary = new Label();
    private final Label origin = new Label();
    private final Button previous = button("mdi2c-chevron-up", null, "Previous suggestion (Shift+F8)");
    private final Button next = button("mdi2c-chevron-down", null, "Next suggestion (F8)");
    private final Button acceptAll = button("mdi2c-check-all", "Accept All", "Add every suggested line (Alt+Shift+Enter)");
    private final Button rejectAll = button("mdi2c-close", "Reject All", "Drop every suggestion (Alt+Shift+Backspace)");
    /** Shown while a log is read: stops the reading. */
    private final Button stop = button("mdi2s-stop", "Stop", "Stop reading the log; nothing is imported");
    private Runnable onStop = () -> { };

    SuggestionBar(Runnable onPrevious, Runnable onNext, Runnable onAcceptAll, Runnable onRejectAll) {
        getStyleClass().add("suggestion-bar");
        setId("suggestion-bar");
        FontIcon icon = new FontIcon("mdi2l-lightbulb-on-outline");
        icon.getStyleClass().add("hunk-icon");
        summary.getStyleClass().add("suggestion-summary");
        summary.setId("suggestion-summary");
        summary.setMinWidth(Region.USE_PREF_SIZE);
        origin.getStyleClass().add("suggestion-origin");
        origin.setId("suggestion-origin");
        origin.setMinWidth(0);
        origin.setMaxWidth(Double.MAX_VALUE);
        // The origin gives way (with an ellipsis, the whole text in its tooltip); the buttons never do.
        HBox.setHgrow(origin, Priority.ALWAYS);
        Region spacer = new Region();
        acceptAll.getStyleClass().add("success");
        acceptAll.setId("accept-all");
        rejectAll.setId("reject-all");
        previous.setOnAction(event -> onPrevious.run());
        next.setOnAction(event -> onNext.run());
        acceptAll.setOnAction(event -> onAcceptAll.run());
        rejectAll.setOnAction(event -> onRejectAll.run());
        stop.setId("stop-reading");
        stop.setOnAction(event -> onStop.run());
        showStop(null);
        for (Button button : new Button[] {previous, next, acceptAll, rejectAll, stop}) {
            button.setMinWidth(Region.USE_PREF_SIZE);
        }
        getChildren().addAll(icon, summary, origin, stop, previous, next, acceptAll, rejectAll);
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);
        show(false);
    }

    /** {@code 5 suggested rules in 3 hunks}, and after it where they came from and what was left out. */
    void update(String summaryText, String originText, boolean actions) {
        summary.setText(summaryText);
        origin.setText(originText);
        origin.setTooltip(originText.isEmpty() ? null : wrapping(originText));
        for (Button button : new Button[] {previous, next, acceptAll, rejectAll}) {
            button.setDisable(!actions);
        }
        show(true);
    }

    /** Shows the Stop button, which runs {@code onStop}; null hides it. */
    void showStop(Runnable onStop) {
        this.onStop = onStop == null ? () -> { } : onStop;
        stop.setVisible(onStop != null);
        stop.setManaged(onStop != null);
    }

    void show(boolean shown) {
        setVisible(shown);
        setManaged(shown);
    }

    String summaryText() {
        return summary.getText();
    }

    String originText() {
        return origin.getText();
    }

    private static Button button(String icon, String text, String tooltip) {
        Button button = new Button(text, new FontIcon(icon));
        button.getStyleClass().addAll("small", text == null ? "button-icon" : "flat");
        button.setTooltip(new Tooltip(tooltip));
        button.setFocusTraversable(false);
        return button;
    }

    /** The whole origin, which the bar cuts short: wrapped, since what was left out can take a few sentences. */
    private static Tooltip wrapping(String text) {
        Tooltip tooltip = new Tooltip(text);
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(560);
        return tooltip;
    }
}
