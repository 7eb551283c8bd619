package dev.armorbench.ui.editor;

import java.util.Collection;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.Selection;
import org.fxmisc.richtext.SelectionImpl;
import org.reactfx.EventStreams;
import org.reactfx.Subscription;

/**
 * Shows the bracket that pairs with the one next to the caret. The pairs come from
 * {@link BlockStructure} (lexer-based), so a brace inside a comment or quoted path never matches.
 */
public final class BracketMatching implements EditorComponent {
    private CodeArea area;
    private ProfileEditor editor;
    private Selection<Collection<String>, String, Collection<String>> opening;
    private Selection<Collection<String>, String, Collection<String>> closing;
    private Subscription subscription;

    @Override
    public void install(ProfileEditor editor) {
        this.editor = editor;
        this.area = editor.area();
        opening = new SelectionImpl<>("bracket-match", area);
        closing = new SelectionImpl<>("bracket-match", area);
        area.addSelection(opening);
        area.addSelection(closing);
        subscription = EventStreams.valuesOf(area.caretPositionProperty()).subscribe(position -> update())
                .and(area.plainTextChanges().subscribe(change -> clear()));
    }

    @Override
    public void uninstall(ProfileEditor editor) {
        subscription.unsubscribe();
        area.removeSelection(opening);
        area.removeSelection(closing);
    }

    /** The offsets of the highlighted pair, or null when none is highlighted. */
    public int[] highlighted() {
        return opening.getLength() == 0 ? null : new int[] {opening.getStartPosition(), closing.getStartPosition()};
    }

    /** Re-checks the caret (the structure may have been computed after the caret moved). */
    public void update() {
        BlockStructure structure = editor.component(Folding.class).map(Folding::structure).orElse(null);
        if (structure == null) {
            clear();
            return;
        }
        int caret = area.getCaretPosition();
        for (int at : new int[] {caret - 1, caret}) {
            if (at >= 0 && at < area.getLength() && "{}()".indexOf(area.getText(at, at + 1)) >= 0) {
                int partner = structure.partner(at);
                if (partner >= 0 && partner < area.getLength()) {
                    opening.selectRange(Math.min(at, partner), Math.min(at, partner) + 1);
                    closing.selectRange(Math.max(at, partner), Math.max(at, partner) + 1);
                    return;
                }
            }
        }
        clear();
    }

    private void clear() {
        opening.selectRange(0, 0);
        closing.selectRange(0, 0);
    }
}
