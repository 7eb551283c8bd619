package dev.armorbench.policy.syntax;

/**
 * Where a text's lines start and how they are indented: what edits need to put a rule or a
 * comment on a line of its own, indented like its neighbours, so the file keeps its layout.
 * Lines end at '\n' (editors and checks work on text with LF line ends).
 */
public final class TextLines {
    private TextLines() {
    }

    /** The offset at which the line holding {@code offset} starts. */
    public static int lineStart(String text, int offset) {
        return text.lastIndexOf('\n', offset - 1) + 1;
    }

    /** The offset just after the line end at or after {@code offset}, or the text's length. */
    public static int nextLineStart(String text, int offset) {
        int newline = text.indexOf('\n', offset);
        return newline < 0 ? text.length() : newline + 1;
    }

    /** The blanks and tabs at the start of the line holding {@code offset}. */
    public static String indentAt(String text, int offset) {
        int start = lineStart(text, offset);
        int end = start;
        while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
            end++;
        }
        return text.substring(start, end);
    }
}
