package dev.armorbench.policy.model;

/** Quoting of names and paths in canonical output. */
final class PathText {
    private PathText() {
    }

    static String quoteIfNeeded(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '#' || c == '"' || c == '!') {
                return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
            }
        }
        return text;
    }
}
