package dev.armorbench.ui.editor;

import java.time.Duration;
import javafx.application.Platform;
import org.fxmisc.richtext.CodeArea;
import org.reactfx.Subscription;

/**
 * Folding of profile blocks (and any other multi-line {@code { }} block): the gutter shows an arrow on
 * each line that opens one; folding hides the block's lines up to and including its closing brace.
 */
public final class Folding implements EditorComponent {
    private CodeArea area;
    private ProfileEditor editor;
    private Subscription subscription;
    private volatile BlockStructure structure = BlockStructure.of("");
    private Runnable onStructureChanged = () -> { };

    @Override
    public void install(ProfileEditor editor) {
        this.editor = editor;
        this.area = editor.area();
        subscription = area.plainTextChanges().successionEnds(Duration.ofMillis(150)).subscribe(change -> analyse());
        analyse();
    }

    @Override
    public void uninstall(ProfileEditor editor) {
        subscription.unsubscribe();
    }

    /** The brackets and blocks as of the last analysis. */
    public BlockStructure structure() {
        return structure;
    }

    void setOnStructureChanged(Runnable onStructureChanged) {
        this.onStructureChanged = onStructureChanged;
    }

    public boolean canFold(int line) {
        return structure.blockEnd(line) > line;
    }

    /** Whether the block opened on {@code line} is folded now. */
    public boolean isFolded(int line) {
        return canFold(line) && line + 1 < area.getParagraphs().size() && area.isFolded(line + 1);
    }

    public void toggle(int line) {
        if (isFolded(line)) {
            unfold(line);
        } else {
            fold(line);
        }
    }

    public void fold(int line) {
        int end = structure.blockEnd(line);
        if (end > line && !isFolded(line)) {
            area.foldParagraphs(line, end);
            onStructureChanged.run();
        }
    }

    public void unfold(int line) {
        if (isFolded(line)) {
            area.unfoldParagraphs(line);
            onStructureChanged.run();
        }
    }

    private void analyse() {
        String text = area.getText();
        editor.background().execute(() -> {
            BlockStructure analysed = BlockStructure.of(text);
            Platform.runLater(() -> {
                boolean foldsMoved = !analysed.sameFoldableLines(structure);
                structure = analysed;
                if (foldsMoved) {
                    onStructureChanged.run(); // Rebuilding the gutter is not free: only when its arrows change.
                }
            });
        });
    }
}
