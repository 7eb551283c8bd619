package dev.armorbench.ui.editor;

import dev.armorbench.policy.syntax.TextEdit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.MultiChangeBuilder;

/**
 * The profile editor: a RichTextFX {@link CodeArea} and the {@link EditorComponent}s installed on it.
 * Work that can be slow (lexing, checking) runs on the editor's own background thread and comes back
 * to the FX thread to change what is shown.
 */
public final class ProfileEditor extends BorderPane {
    private final CodeArea area = new CodeArea();
    private final VBox bottom = new VBox();
    /** A layer over the text for popups (completion, quick fixes) that belong to the editor's own scene. */
    private final Pane overlay = new Pane();
    private final List<EditorComponent> components = new ArrayList<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "armorbench-editor");
        thread.setDaemon(true);
        return thread;
    });

    public ProfileEditor(String text) {
        area.getStyleClass().add("profile-editor");
        area.replaceText(text);
        area.moveTo(0);
        area.getUndoManager().forgetHistory();
        area.getUndoManager().mark();
        // The current line is a paragraph style class, not RichTextFX's line highlighter: that one
        // follows the caret's screen bounds, which forces a layout of the view on every edit and restyle
        // (measured: most of the FX-thread time per keystroke in a 10,000-line profile).
        area.currentParagraphProperty().addListener((obs, old, now) -> markCurrentLine(now));
        markCurrentLine(0);
        overlay.setPickOnBounds(false);
        overlay.getStyleClass().add("editor-overlay");
        setCenter(new StackPane(new VirtualizedScrollPane<>(area), overlay));
        setBottom(bottom);
    }

    private int markedLine = -1;

    /**
     * Moves the {@code current-line} class to the caret's paragraph. Other paragraph classes (folding
     * keeps its own there) are left as they are.
     */
    private void markCurrentLine(int line) {
        int paragraphs = area.getParagraphs().size();
        if (markedLine >= 0 && markedLine < paragraphs && markedLine != line) {
            setCurrentLineClass(markedLine, false);
        }
        if (line < paragraphs) {
            setCurrentLineClass(line, true);
        }
        markedLine = line;
    }

    private void setCurrentLineClass(int line, boolean on) {
        Collection<String> styles = area.getParagraph(line).getParagraphStyle();
        if (styles.contains(CURRENT_LINE) == on) {
            return;
        }
        List<String> changed = new ArrayList<>(styles);
        if (on) {
            changed.add(CURRENT_LINE);
        } else {
            changed.remove(CURRENT_LINE);
        }
        area.setParagraphStyle(line, changed);
    }

    private static final String CURRENT_LINE = "current-line";

    public CodeArea area() {
        return area;
    }

    /**
     * Applies edits of the current text (non-overlapping, as the engine computes them) as one undo
     * step of its own, never merged with the typing around it. Returns the edits from the last to
     * the first, as applied; empty when there was nothing to apply.
     */
    public List<TextEdit> applyAsOneUndoStep(List<TextEdit> edits) {
        List<TextEdit> fromTheEnd = new ArrayList<>(edits);
        fromTheEnd.sort(Comparator.comparingInt(TextEdit::start).reversed());
        if (fromTheEnd.isEmpty()) {
            return fromTheEnd;
        }
        area.getUndoManager().preventMerge();
        if (fromTheEnd.size() == 1) {
            TextEdit edit = fromTheEnd.get(0);
            area.replaceText(edit.start(), edit.end(), edit.replacement());
        } else {
            MultiChangeBuilder<?, ?, ?> change = area.createMultiChange(fromTheEnd.size());
            for (TextEdit edit : fromTheEnd) {
                change.replaceTextAbsolutely(edit.start(), edit.end(), edit.replacement());
            }
            change.commit();
        }
        area.getUndoManager().preventMerge();
        return fromTheEnd;
    }

    /** The single thread on which this editor's components do their slow work, in order. */
    public ExecutorService background() {
        return background;
    }

    /** The layer over the text where components place popups; its coordinates are the text view's. */
    public Pane overlay() {
        return overlay;
    }

    /** Where components put bars under the text (search, for example). */
    public VBox bottomBars() {
        return bottom;
    }

    public <T extends EditorComponent> T install(T component) {
        component.install(this);
        components.add(component);
        return component;
    }

    public void uninstall(EditorComponent component) {
        if (components.remove(component)) {
            component.uninstall(this);
        }
    }

    public <T extends EditorComponent> Optional<T> component(Class<T> type) {
        return components.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    /** Stops the background work; the editor is not used after this. */
    public void dispose() {
        for (EditorComponent component : List.copyOf(components)) {
            uninstall(component);
        }
        background.shutdownNow();
    }
}
