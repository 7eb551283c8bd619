package dev.armorbench.trial.load;

import dev.armorbench.policy.syntax.TextEdit;

/**
 * Edits of a profile header's {@code flags=(…)}, where flags are parted by commas, spaces or
 * both: taking one out leaves the others as the user wrote them, and taking out the last one
 * takes {@code flags=()} with it, which AppArmor would refuse empty.
 */
final class FlagEdits {
    private FlagEdits() {
    }

    /** The edit that takes out the flag at {@code text[start, end)}, which lies inside a {@code flags=( … )}. */
    static TextEdit removal(String text, int start, int end) {
        int open = text.lastIndexOf('(', start);
        int close = text.indexOf(')', end);
        if (open < 0 || close < 0) {
            return TextEdit.delete(start, end);
        }
        int after = skipSeparators(text, end, close);
        int before = start;
        while (before > open + 1 && isSeparator(text.charAt(before - 1))) {
            before--;
        }
        boolean first = before == open + 1;
        boolean last = after == close;
        if (first && last) {
            return TextEdit.delete(flagsKeywordStart(text, open), close + 1);
        }
        // A flag before others takes the separator after it; the last one, the separator before it.
        return last ? TextEdit.delete(before, end) : TextEdit.delete(start, after);
    }

    /** Whether the {@code flags=( … )} around {@code at} has the plain flag {@code flag}. */
    static boolean has(String text, int at, String flag) {
        int open = text.lastIndexOf('(', at);
        int close = text.indexOf(')', at);
        if (open < 0 || close < 0) {
            return false;
        }
        for (String word : text.substring(open + 1, close).split("[,\\s]+")) {
            if (word.equals(flag)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where the whitespace before {@code flags=(} starts (or before the bare {@code (} of the old
     * form), so the header keeps one space before its block.
     */
    private static int flagsKeywordStart(String text, int open) {
        int at = open;
        while (at > 0 && (Character.isWhitespace(text.charAt(at - 1)) || text.charAt(at - 1) == '=')) {
            at--;
        }
        int keyword = at - "flags".length();
        int start = keyword >= 0 && text.startsWith("flags", keyword) ? keyword : open;
        while (start > 0 && (text.charAt(start - 1) == ' ' || text.charAt(start - 1) == '\t')) {
            start--;
        }
        return start;
    }

    private static int skipSeparators(String text, int at, int limit) {
        while (at < limit && isSeparator(text.charAt(at))) {
            at++;
        }
        return at;
    }

    private static boolean isSeparator(char c) {
        return c == ',' || c == ' ' || c == '\t' || c == '\n';
    }
}
