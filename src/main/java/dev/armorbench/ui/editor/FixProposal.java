package dev.armorbench.ui.editor;

import dev.armorbench.policy.syntax.TextEdit;
import java.util.List;

/**
 * One way to fix a problem: a title saying what it does and the edits that do it, applied together as
 * one undoable change. Offsets are in the text the fix was proposed for.
 */
public record FixProposal(String title, List<TextEdit> edits) {
    public FixProposal {
        edits = List.copyOf(edits);
    }

    public static FixProposal of(String title, TextEdit edit) {
        return new FixProposal(title, List.of(edit));
    }

    /** The text after the fix (for previews and tests). */
    public String applyTo(String text) {
        return TextEdit.apply(text, edits);
    }
}
