package dev.armorbench.policy.model;

import java.util.Set;
import java.util.TreeSet;

/** Shared helpers for permission sets of the non-file rules (an empty set means all). */
final class Permissions {
    private Permissions() {
    }

    static String canonical(Set<String> perms) {
        if (perms.isEmpty()) {
            return "";
        }
        if (perms.size() == 1) {
            return " " + perms.iterator().next();
        }
        return " (" + String.join(" ", new TreeSet<>(perms)) + ")";
    }

    static boolean covers(Set<String> mine, Set<String> theirs) {
        return mine.isEmpty() || !theirs.isEmpty() && mine.containsAll(theirs);
    }

    static boolean covers(String mine, String theirs) {
        return PathPattern.covers(mine, theirs);
    }
}
