package dev.armorbench.policy.aare;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Expands {@code @{VAR}} references the way apparmor_parser does before compiling a pattern: a
 * variable with one value is replaced by it, one with several by the alternation {@code {v1,v2}}
 * (values sorted and de-duplicated, as the reference keeps them in a set). Values may reference other
 * variables; a cycle is an error. Next to a {@code /}, the slashes at that end of each value are
 * dropped, so {@code @{HOME}/} with {@code HOME=/home/*}{@code /} gives {@code /home/*}{@code /}.
 * {@code \@{} is not a reference.
 *
 * <p>Immutable once built; expansions of each variable are computed once, lazily, and cached.
 */
public final class AareVariables {

    private final Map<String, List<String>> values;
    private final Map<String, SortedSet<String>> expanded = new HashMap<>();

    /**
     * @param values variable name (without {@code @{ }}) to its values, in the form apparmor_parser
     *               stores them (quotes already removed)
     */
    public AareVariables(Map<String, ? extends Collection<String>> values) {
        Map<String, List<String>> copy = new HashMap<>();
        values.forEach((name, list) -> copy.put(name, List.copyOf(list)));
        this.values = Map.copyOf(copy);
    }

    /** The fully expanded values of {@code name}, sorted, or an error if undefined or cyclic. */
    public synchronized SortedSet<String> valuesOf(String name) {
        return expandVariable(name, new ArrayDeque<>(), name, 0);
    }

    /**
     * Replaces every variable reference in {@code text}.
     *
     * @throws AareSyntaxException for an undefined variable, an invalid name, an unterminated
     *                             {@code @{}, a variable without values, or a cycle
     */
    public String expand(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        int i = 0;
        int n = text.length();
        boolean escape = false;
        int copiedUpTo = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\\') {
                escape = !escape;
                i++;
                continue;
            }
            if (c == '@' && !escape && i + 1 < n && text.charAt(i + 1) == '{') {
                int close = findClose(text, i + 2);
                if (close < 0) {
                    throw new AareSyntaxException(text, AareProblem.error(i, n,
                            "'@{' starts a variable that is never closed: add '}' or escape it as '\\@{'"));
                }
                String name = text.substring(i + 2, close);
                checkName(text, i, close + 1, name);
                out.append(text, copiedUpTo, i);
                SortedSet<String> set;
                synchronized (this) {
                    set = expandVariable(name, new ArrayDeque<>(), text, i);
                }
                boolean trimLeading = out.length() > 0 && out.charAt(out.length() - 1) == '/'
                        && !out.toString().chars().allMatch(ch -> ch == '/');
                boolean trimTrailing = close + 1 < n && text.charAt(close + 1) == '/';
                if (set.size() > 1) {
                    out.append('{');
                }
                boolean firstValue = true;
                for (String value : set) {
                    if (!firstValue) {
                        out.append(',');
                    }
                    firstValue = false;
                    String v = value;
                    if (trimLeading) {
                        v = trimLeadingSlashes(v);
                    }
                    if (trimTrailing) {
                        v = trimTrailingSlashes(v);
                    }
                    out.append(v);
                }
                if (set.size() > 1) {
                    out.append('}');
                }
                i = close + 1;
                copiedUpTo = i;
                escape = false;
                continue;
            }
            escape = false;
            i++;
        }
        out.append(text, copiedUpTo, n);
        return out.toString();
    }

    /** The first '}' not escaped by a backslash, as the reference's {@code extract_variable} finds it. */
    private static int findClose(String text, int from) {
        boolean escape = false;
        for (int k = from; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '\\') {
                escape = !escape;
            } else if (c == '}' && !escape) {
                return k;
            } else {
                escape = false;
            }
        }
        return -1;
    }

    private static void checkName(String text, int start, int end, String name) {
        boolean ok = !name.isEmpty() && isAsciiLetter(name.charAt(0));
        for (int k = 1; ok && k < name.length(); k++) {
            char c = name.charAt(k);
            ok = c == '_' || isAsciiLetter(c) || (c >= '0' && c <= '9');
        }
        if (!ok) {
            throw new AareSyntaxException(text, AareProblem.error(start, end, "'@{" + name + "}' is not a "
                    + "variable name: names start with a letter and continue with letters, digits or '_'"));
        }
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private SortedSet<String> expandVariable(String name, Deque<String> stack, String text, int at) {
        SortedSet<String> done = expanded.get(name);
        if (done != null) {
            return done;
        }
        List<String> raw = values.get(name);
        int end = Math.min(text.length(), at + name.length() + 3);
        if (raw == null) {
            throw new AareSyntaxException(text, AareProblem.error(at, end, "variable @{" + name
                    + "} is not defined: define it (for example in a tunables file) or include the file "
                    + "that defines it"));
        }
        if (raw.isEmpty()) {
            throw new AareSyntaxException(text, AareProblem.error(at, end, "variable @{" + name
                    + "} has no values: give it at least one value"));
        }
        if (stack.contains(name)) {
            throw new AareSyntaxException(text, AareProblem.error(at, end, "variable @{" + name
                    + "} refers to itself (" + cycle(stack, name) + "): break the cycle"));
        }
        stack.push(name);
        SortedSet<String> result = new TreeSet<>();
        Deque<String> work = new ArrayDeque<>(new TreeSet<>(raw));
        Set<String> seen = new HashSet<>();
        while (!work.isEmpty()) {
            String value = work.poll();
            if (!seen.add(value)) {
                continue;
            }
            int ref = firstReference(value);
            if (ref < 0) {
                result.add(value);
                continue;
            }
            int close = findClose(value, ref + 2);
            String inner = value.substring(ref + 2, close);
            checkName(value, ref, close + 1, inner);
            for (String sub : expandVariable(inner, stack, text, at)) {
                work.add(value.substring(0, ref) + sub + value.substring(close + 1));
            }
        }
        stack.pop();
        SortedSet<String> frozen = java.util.Collections.unmodifiableSortedSet(result);
        expanded.put(name, frozen);
        return frozen;
    }

    private static String cycle(Deque<String> stack, String name) {
        List<String> chain = new java.util.ArrayList<>(stack);
        java.util.Collections.reverse(chain);
        int from = chain.indexOf(name);
        List<String> loop = new java.util.ArrayList<>(chain.subList(Math.max(from, 0), chain.size()));
        loop.add(name);
        return "@{" + String.join("} -> @{", loop) + "}";
    }

    /** Index of the first unescaped, terminated {@code @{}, or -1. */
    private static int firstReference(String value) {
        boolean escape = false;
        for (int k = 0; k < value.length(); k++) {
            char c = value.charAt(k);
            if (c == '\\') {
                escape = !escape;
            } else if (c == '@' && !escape && k + 1 < value.length() && value.charAt(k + 1) == '{') {
                return findClose(value, k + 2) < 0 ? -1 : k;
            } else {
                escape = false;
            }
        }
        return -1;
    }

    private static String trimLeadingSlashes(String v) {
        int k = 0;
        while (k < v.length() && v.charAt(k) == '/') {
            k++;
        }
        return v.substring(k);
    }

    private static String trimTrailingSlashes(String v) {
        int k = v.length();
        while (k > 0 && v.charAt(k - 1) == '/') {
            k--;
        }
        return v.substring(0, k);
    }
}
