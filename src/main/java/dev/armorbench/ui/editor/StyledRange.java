package dev.armorbench.ui.editor;

/** A style class laid over a range of the document (a diagnostic's squiggle, for example). */
public record StyledRange(int start, int end, String styleClass) {
    /** The range after an edit that replaced {@code removed} characters at {@code position} by {@code inserted}. */
    StyledRange shifted(int position, int removed, int inserted) {
        int delta = inserted - removed;
        int newStart = start >= position + removed ? start + delta : Math.min(start, position + inserted);
        int newEnd = end >= position + removed ? end + delta : Math.min(end, position + inserted);
        return new StyledRange(newStart, Math.max(newStart, newEnd), styleClass);
    }
}
