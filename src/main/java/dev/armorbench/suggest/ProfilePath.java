package dev.armorbench.suggest;

import java.util.List;

/**
 * Where a rule goes: a top-level profile and, for children and hats, the names down to the one
 * that gets the rule ({@code [a, b]} is child {@code b} of {@code a}).
 */
public record ProfilePath(List<String> names) implements Comparable<ProfilePath> {
    public ProfilePath {
        names = List.copyOf(names);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a profile path names at least the top-level profile");
        }
    }

    public static ProfilePath of(String... names) {
        return new ProfilePath(List.of(names));
    }

    public String root() {
        return names.get(0);
    }

    public String leaf() {
        return names.get(names.size() - 1);
    }

    public boolean isChild() {
        return names.size() > 1;
    }

    public ProfilePath parent() {
        return new ProfilePath(names.subList(0, names.size() - 1));
    }

    /** The label the kernel would log for it: {@code a//b}. */
    public String label() {
        return String.join("//", names);
    }

    @Override
    public int compareTo(ProfilePath other) {
        return label().compareTo(other.label());
    }

    @Override
    public String toString() {
        return label();
    }
}
