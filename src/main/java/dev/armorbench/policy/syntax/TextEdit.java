package dev.armorbench.policy.syntax;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One change to a policy's text: the characters from {@code start} to {@code end} replaced by
 * {@code replacement} (an insertion when the two are equal). Quick fixes, container checks and
 * suggestions all edit the user's text this way, never by re-rendering it.
 */
public record TextEdit(int start, int end, String replacement) {
    public TextEdit {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad edit range " + start + ".." + end);
        }
    }

    public static TextEdit insert(int at, String text) {
        return new TextEdit(at, at, text);
    }

    public static TextEdit delete(int start, int end) {
        return new TextEdit(start, end, "");
    }

    /** Applies non-overlapping edits, last first so that earlier offsets stay valid. */
    public static String apply(String text, List<TextEdit> edits) {
        List<TextEdit> ordered = new ArrayList<>(edits);
        ordered.sort(Comparator.comparingInt(TextEdit::start).reversed());
        StringBuilder out = new StringBuilder(text);
        for (TextEdit edit : ordered) {
            out.replace(edit.start(), edit.end(), edit.replacement());
        }
        return out.toString();
    }
}
