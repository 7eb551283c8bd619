package dev.armorbench.policy.check;

import java.util.List;

/**
 * A rule's tokens grouped one level up: a bare value, {@code key=value}, {@code key=(…)},
 * {@code key in (…)}, a {@code (…)} list, or {@code -> target}.
 */
sealed interface Element {
    int start();

    int end();

    /** A word, keyword or quoted string; {@code text} is unquoted. */
    record Atom(String text, boolean keyword, boolean quoted, int start, int end) implements Element {
    }

    /** {@code key=value}, {@code key=(values)} or {@code key in (values)}; nested pairs for {@code peer=(…)}. */
    record Pair(String key, String operator, List<Atom> values, List<Element> nested, boolean parenthesized,
            int start, int end) implements Element {
    }

    record Group(List<Atom> values, int start, int end) implements Element {
    }

    record Arrow(Atom target, int start, int end) implements Element {
    }
}
