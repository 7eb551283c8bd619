package dev.armorbench.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.scene.layout.BorderPane;
import javafx.scene.paint.Color;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;

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
        // A translucent accent reads as a calm current-line band on light and dark themes alike.
        area.setLineHighlighterFill(Color.rgb(84, 174, 255, 0.10));
        area.setLineHighlighterOn(true);
        overlay.setPickOnBounds(false);
        overlay.getStyleClass().add("editor-overlay");
        setCenter(new StackPane(new VirtualizedScrollPane<>(area), overlay));
        setBottom(bottom);
    }

    public CodeArea area() {
        return area;
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
