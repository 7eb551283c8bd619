package dev.armorbench.ui.editor;

/** Replace the text from {@code start} to {@code end} by {@code replacement} (an insertion when they are equal). */
public record TextEdit(int start, int end, String replacement) {
    public static TextEdit insert(int at, String text) {
        return new TextEdit(at, at, text);
    }
}
