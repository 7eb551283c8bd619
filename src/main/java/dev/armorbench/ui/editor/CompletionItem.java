package dev.armorbench.ui.editor;

/**
 * One entry of the completion list.
 *
 * @param label what the list shows
 * @param insertion the text that replaces the partial word
 * @param detail a short hint shown beside the label (what kind of name it is)
 */
public record CompletionItem(String label, String insertion, String detail) {
    static CompletionItem of(String word, String detail) {
        return new CompletionItem(word, word, detail);
    }
}
