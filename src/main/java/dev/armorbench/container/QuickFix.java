package dev.armorbench.container;

import dev.armorbench.policy.syntax.TextEdit;
import java.util.List;

/**
 * A fix a person can apply with one click: a title for the menu and the edits of the profile text.
 * Edits never overlap; {@link #apply} applies them from the end so earlier offsets stay valid.
 */
public record QuickFix(String title, List<TextEdit> edits) {
    public QuickFix {
        edits = List.copyOf(edits);
    }

    public static QuickFix of(String title, TextEdit edit) {
        return new QuickFix(title, List.of(edit));
    }

    /** The text after the edits. */
    public String apply(String text) {
        return TextEdit.apply(text, edits);
    }
}
