package dev.armorbench.policy.check;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The paths an exact pattern (no {@code *}, {@code ?} or {@code [}) stands for, spelt out: its
 * alternations expanded, repeated slashes made one as apparmor_parser does for file paths. Two
 * exact exec rules clash where these sets meet, which a set lookup tells without walking automata.
 */
final class ExactPaths {
    private ExactPaths() {
    }

    /**
     * The paths {@code aare} matches, or null when they are not simply spelt out here: a glob, an
     * escape, a leading {@code //}, unbalanced braces, or more than {@code limit} of them.
     */
    static Set<String> of(String aare, int limit) {
        if (aare.startsWith("//") || aare.indexOf('\\') >= 0 || ExecModeClashes.hasGlob(aare)) {
            return null;
        }
        int[] end = {0};
        List<String> all = sequence(aare, end, false, limit);
        if (all == null || end[0] != aare.length()) {
            return null;
        }
        Set<String> paths = new LinkedHashSet<>();
        for (String path : all) {
            paths.add(path.indexOf("//") < 0 ? path : oneSlashEach(path));
        }
        return paths;
    }

    private static String oneSlashEach(String path) {
        StringBuilder out = new StringBuilder(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c != '/' || out.length() == 0 || out.charAt(out.length() - 1) != '/') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Reads from {@code at[0]} to the end, or (inside braces) to the ',' or '}' that ends one choice. */
    private static List<String> sequence(String text, int[] at, boolean inBraces, int limit) {
        List<String> out = new ArrayList<>(List.of(""));
        StringBuilder plain = new StringBuilder();
        while (at[0] < text.length()) {
            char c = text.charAt(at[0]);
            if (inBraces && (c == ',' || c == '}')) {
                break;
            }
            if (c == '}') {
                return null; // a '}' that closes nothing (a ',' outside braces is a plain comma)
            }
            if (c == '{') {
                at[0]++;
                List<String> choices = new ArrayList<>();
                while (true) {
                    List<String> choice = sequence(text, at, true, limit);
                    if (choice == null || at[0] >= text.length()) {
                        return null;
                    }
                    choices.addAll(choice);
                    char stop = text.charAt(at[0]++);
                    if (stop == '}') {
                        break;
                    }
                }
                out = product(append(out, plain), choices, limit);
                plain.setLength(0);
                if (out == null) {
                    return null;
                }
                continue;
            }
            plain.append(c);
            at[0]++;
        }
        return append(out, plain);
    }

    private static List<String> append(List<String> heads, CharSequence tail) {
        if (tail.length() == 0) {
            return heads;
        }
        List<String> out = new ArrayList<>(heads.size());
        for (String head : heads) {
            out.add(head + tail);
        }
        return out;
    }

    private static List<String> product(List<String> heads, List<String> tails, int limit) {
        if ((long) heads.size() * tails.size() > limit) {
            return null;
        }
        List<String> out = new ArrayList<>(heads.size() * tails.size());
        for (String head : heads) {
            for (String tail : tails) {
                out.add(head + tail);
            }
        }
        return out;
    }
}
