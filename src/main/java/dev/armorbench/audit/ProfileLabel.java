package dev.armorbench.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A profile label as the kernel logs it, split into its hierarchy: {@code parent//child} names a
 * child profile or hat, {@code parent//null-/bin/sh} the learning profile that complain mode
 * makes for an exec without a rule, and {@code parent///usr/bin/x} a child whose own name starts
 * with a slash (the third slash belongs to the child).
 *
 * @param text the label exactly as logged
 * @param parts the profile names from the root to the innermost child
 */
public record ProfileLabel(String text, List<String> parts) {
    public ProfileLabel {
        parts = List.copyOf(parts);
    }

    /** Splits a label; never fails (a label without {@code //} is a single root profile). */
    public static ProfileLabel parse(String text) {
        int split = text.indexOf("//");
        if (split < 0) {
            return new ProfileLabel(text, Collections.singletonList(text));
        }
        List<String> parts = new ArrayList<>(3);
        int start = 0;
        while (split >= 0) {
            parts.add(text.substring(start, split));
            start = split + 2;
            // "a///b": the child is "/b"; look for the next separator after its leading slash.
            int from = start < text.length() && text.charAt(start) == '/' ? start + 1 : start;
            split = text.indexOf("//", from);
        }
        parts.add(text.substring(start));
        return new ProfileLabel(text, parts);
    }

    /** The outermost profile: the one that a profile file defines. */
    public String root() {
        return parts.get(0);
    }

    /** The innermost profile name. */
    public String leaf() {
        return parts.get(parts.size() - 1);
    }

    public boolean isChild() {
        return parts.size() > 1;
    }

    /** True for a complain-mode learning profile {@code …//null-…}. */
    public boolean isLearning() {
        return isChild() && leaf().startsWith("null-");
    }

    /** For a learning label, the program whose exec made it ({@code //null-/bin/sh} → /bin/sh). */
    public String learnedProgram() {
        return isLearning() ? leaf().substring("null-".length()) : null;
    }

    /** True when this label is {@code profile} itself or one of its children {@code profile//…}. */
    public boolean inFamilyOf(String profile) {
        return inFamily(text, profile);
    }

    /** The family test on plain strings, for filters that must not build a label per line. */
    public static boolean inFamily(String label, String profile) {
        return label.equals(profile)
                || (label.length() > profile.length() + 1
                        && label.startsWith(profile)
                        && label.startsWith("//", profile.length()));
    }

    @Override
    public String toString() {
        return text;
    }
}
