package dev.armorbench.container;

import java.util.ArrayList;
import java.util.Comparator;
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
        List<TextEdit> ordered = new ArrayList<>(edits);
        ordered.sort(Comparator.comparingInt(TextEdit::start).reversed());
        StringBuilder out = new StringBuilder(text);
        for (TextEdit edit : ordered) {
            out.replace(edit.start(), edit.end(), edit.replacement());
        }
        return out.toString();
    }
}
