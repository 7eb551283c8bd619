package dev.armorbench.ui.editor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Levenshtein distance, for "did you mean" fixes of mistyped names. */
final class EditDistance {
    private EditDistance() {
    }

    static int between(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /**
     * The candidates closest to {@code word}, nearest first, at most {@code limit}; only those within
     * a distance a typo explains (a third of the word, at least 2).
     */
    static List<String> nearest(String word, Collection<String> candidates, int limit) {
        int allowed = Math.max(2, word.length() / 3);
        List<String> close = new ArrayList<>();
        for (String candidate : candidates) {
            if (between(word, candidate) <= allowed) {
                close.add(candidate);
            }
        }
        close.sort(Comparator.comparingInt((String candidate) -> between(word, candidate))
                .thenComparing(Comparator.naturalOrder()));
        return close.subList(0, Math.min(limit, close.size()));
    }
}
