package dev.armorbench.trial.loop;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;

/** A unified diff of two profile texts, as {@code diff -u} writes it; empty when they are equal. */
public final class ProfileDiff {
    private ProfileDiff() {
    }

    public static String unified(String fromName, String toName, String before, String after) {
        if (before.equals(after)) {
            return "";
        }
        List<String> original = lines(before);
        Patch<String> patch = DiffUtils.diff(original, lines(after));
        StringBuilder out = new StringBuilder();
        for (String line : UnifiedDiffUtils.generateUnifiedDiff(fromName, toName, original, patch, 3)) {
            out.append(line).append('\n');
        }
        return out.toString();
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }
}
