package dev.armorbench.suggest;

/**
 * One change to a text: at {@code offset}, {@code removed} characters replaced by {@code inserted}.
 * Offsets are into the original text; edits of one plan never overlap.
 */
public record TextEdit(int offset, int removed, String inserted) {
    public TextEdit {
        if (offset < 0 || removed < 0) {
            throw new IllegalArgumentException("offset and removed length must not be negative");
        }
    }

    /** Applies non-overlapping edits to {@code text}, last first so earlier offsets stay valid. */
    public static String apply(String text, java.util.List<TextEdit> edits) {
        java.util.List<TextEdit> sorted = new java.util.ArrayList<>(edits);
        sorted.sort(java.util.Comparator.comparingInt(TextEdit::offset).reversed());
        StringBuilder out = new StringBuilder(text);
        for (TextEdit edit : sorted) {
            out.replace(edit.offset, edit.offset + edit.removed, edit.inserted);
        }
        return out.toString();
    }
}
