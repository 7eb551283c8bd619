package dev.armorbench.ui.editor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javafx.event.EventHandler;
import javafx.geometry.Point2D;
import javafx.scene.control.Tooltip;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.event.MouseOverTextEvent;

/**
 * Documentation when the mouse rests on a word: keywords, capabilities, permissions and exec modes,
 * profile flags, and the problems found there. What a word is comes from its highlighting style (so
 * {@code kill} is documented as a capability after {@code capability} and as a flag in {@code flags=}).
 */
public final class HoverDocumentation implements EditorComponent {
    private static final Duration DELAY = Duration.ofMillis(500);

    private final Documentation documentation;
    private final Tooltip tooltip = new Tooltip();
    private ProfileEditor editor;
    private CodeArea area;
    private String shownText;
    private final EventHandler<MouseOverTextEvent> begin = this::onHover;
    private final EventHandler<MouseOverTextEvent> end = event -> hide();

    public HoverDocumentation(Documentation documentation) {
        this.documentation = documentation;
        tooltip.getStyleClass().add("hover-documentation");
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(520);
    }

    @Override
    public void install(ProfileEditor editor) {
        this.editor = editor;
        this.area = editor.area();
        area.setMouseOverTextDelay(DELAY);
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_BEGIN, begin);
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_END, end);
    }

    @Override
    public void uninstall(ProfileEditor editor) {
        hide();
        area.removeEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_BEGIN, begin);
        area.removeEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_END, end);
        area.setMouseOverTextDelay(null);
    }

    /** The text of the tooltip on screen, or null when none is shown. */
    public String shownText() {
        return shownText;
    }

    private void onHover(MouseOverTextEvent event) {
        Optional<String> text = textAt(event.getCharacterIndex());
        if (text.isEmpty()) {
            hide();
            return;
        }
        shownText = text.get();
        tooltip.setText(shownText);
        Point2D at = event.getScreenPosition();
        tooltip.show(area, at.getX() + 8, at.getY() + 18);
    }

    private void hide() {
        tooltip.hide();
        shownText = null;
    }

    /** What the hover shows for the character at {@code index}: problems there, then the word's documentation. */
    public Optional<String> textAt(int index) {
        if (index < 0 || index >= area.getLength()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        editor.component(ProblemTracking.class).ifPresent(tracking -> {
            for (Problem problem : tracking.problemsAt(index)) {
                if (index < Math.max(problem.end(), problem.start() + 1)) {
                    parts.add(problem.severity().label() + ": " + problem.message() + " [" + problem.code() + "]");
                }
            }
        });
        documentationAt(index).ifPresent(parts::add);
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("\n\n", parts));
    }

    private Optional<String> documentationAt(int index) {
        String text = area.getText(area.offsetToPosition(index, org.fxmisc.richtext.model.TwoDimensional.Bias.Forward)
                .getMajor());
        int column = area.offsetToPosition(index, org.fxmisc.richtext.model.TwoDimensional.Bias.Forward).getMinor();
        int start = column;
        while (start > 0 && isWordChar(text.charAt(start - 1))) {
            start--;
        }
        int stop = column;
        while (stop < text.length() && isWordChar(text.charAt(stop))) {
            stop++;
        }
        if (start == stop) {
            return Optional.empty();
        }
        String word = text.substring(start, stop);
        Collection<String> styles = area.getStyleOfChar(index);
        if (styles.contains("capability")) {
            return documentation.capability(word);
        }
        if (styles.contains("flag")) {
            return documentation.flag(word);
        }
        if (styles.contains("permission") || styles.contains("exec") || styles.contains("exec-unconfined")) {
            return documentation.permissions(word);
        }
        if (styles.contains("keyword") || styles.stream().anyMatch(style -> style.startsWith("qualifier"))) {
            if (start > 0 && text.charAt(start - 1) == '#') {
                word = "#" + word;
            }
            return documentation.keyword(word);
        }
        return Optional.empty();
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.';
    }
}
