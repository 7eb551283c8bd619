package dev.armorbench.policy.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The set and boolean variables of one policy, and their expansion into alternatives. */
final class Variables {
    /** Expansions beyond this many alternatives are not enumerated (checks only need a sample). */
    private static final int MAX_ALTERNATIVES = 64;
    private static final int MAX_DEPTH = 32;

    final Map<String, List<String>> sets = new HashMap<>();
    final Map<String, Boolean> booleans = new HashMap<>();
    /**
     * {@code profile_name}, {@code exec_path}, {@code attach_path} while inside a profile, as
     * written (expanded when used). A policy's own definition of the name wins: the apparmor.d
     * collection defines {@code @{exec_path}} itself and attaches its profiles to it.
     */
    final Map<String, String> builtins = new HashMap<>();
    /** Expanded values per variable; cleared whenever a definition changes. */
    private final Map<String, List<String>> expanded = new HashMap<>();

    /**
     * Expansions shared by every policy that starts from the same preamble snapshot; used while
     * this policy has not redefined anything the snapshot defined.
     */
    private Map<String, List<String>> shared;
    /**
     * Set once this policy defines a name the snapshot did not: its expansions may then use that
     * name, and must not go into the shared cache, where policies without it would find them.
     * Reading from it stays right: what expanded without the name does not change with it.
     */
    private boolean sharedReadOnly;
    private int builtinHits;

    /** Call after changing or extending an existing definition in {@link #sets}. */
    void changed() {
        expanded.clear();
        shared = null;
    }

    /** Starts from a preamble snapshot, sharing its expansion cache. */
    void restoredFrom(Map<String, List<String>> sharedExpansions) {
        expanded.clear();
        shared = sharedExpansions;
        sharedReadOnly = false;
    }

    /** Call after defining a name that was not defined before. */
    void definedNew() {
        sharedReadOnly = true;
    }

    /** Marks a variable that was looked up and not defined. */
    static final Object UNDEFINED = new Object();

    /**
     * While an include is read for the shared cache: every variable it looked at, with what it
     * found. The result may be reused wherever the same lookups give the same answers.
     */
    Map<String, Object> dependencies;

    private void depend(String key, Object value) {
        if (dependencies != null) {
            dependencies.putIfAbsent(key, value);
        }
    }

    boolean isDefined(String name) {
        boolean defined = sets.containsKey(name);
        depend("defined:" + name, defined);
        return defined;
    }

    boolean isBooleanDefined(String name) {
        boolean defined = booleans.containsKey(name);
        depend("defined$" + name, defined);
        return defined;
    }

    Boolean booleanValue(String name) {
        Boolean value = booleans.get(name);
        depend("$" + name, value == null ? UNDEFINED : value);
        return value;
    }

    /** The current answer to a recorded lookup, to compare with the recorded one. */
    Object lookUp(String key) {
        if (key.startsWith("defined:")) {
            return sets.containsKey(key.substring(8));
        }
        if (key.startsWith("defined$")) {
            return booleans.containsKey(key.substring(8));
        }
        if (key.startsWith("$")) {
            Boolean value = booleans.get(key.substring(1));
            return value == null ? UNDEFINED : value;
        }
        return definition(key);
    }

    /** What a name is defined as, unexpanded: a set's raw values (the policy's own definition wins), a built-in's value, or UNDEFINED. */
    private Object definition(String name) {
        List<String> raw = sets.get(name);
        if (raw != null) {
            return raw;
        }
        String builtin = builtins.get(name);
        return builtin != null ? builtin : UNDEFINED;
    }

    /** Thrown for a reference to a variable nobody defined, or one that refers to itself. */
    static final class ExpansionError extends Exception {
        private static final long serialVersionUID = 1L;
        final String variable;
        final boolean recursive;

        ExpansionError(String variable, boolean recursive) {
            super(null, null, false, false);
            this.variable = variable;
            this.recursive = recursive;
        }
    }

    /** Whether one of {@code values} names the variable {@code name} they define. */
    static boolean refersToItself(String name, List<String> values) {
        String reference = "@{" + name + "}";
        return values.stream().anyMatch(value -> value.contains(reference));
    }

    boolean hasReference(String text) {
        return text.indexOf("@{") >= 0 && referenceStart(text, 0) >= 0;
    }

    /** Every string the text stands for once its variables are replaced. */
    List<String> expand(String text) throws ExpansionError {
        return expand(text, 0, MAX_ALTERNATIVES);
    }

    /** At most {@code limit} of the strings the text stands for (every variable is still checked). */
    List<String> expand(String text, int limit) throws ExpansionError {
        return expand(text, 0, limit);
    }

    private List<String> expand(String text, int depth, int limit) throws ExpansionError {
        int at = referenceStart(text, 0);
        if (at < 0) {
            return List.of(text);
        }
        int close = text.indexOf('}', at + 2);
        String name = text.substring(at + 2, close);
        List<String> values = valuesOf(name, depth);
        List<String> rest = expand(text.substring(close + 1), depth, limit);
        String head = text.substring(0, at);
        List<String> out = new ArrayList<>(Math.min(limit, values.size() * rest.size()));
        for (String value : values) {
            for (String tail : rest) {
                if (out.size() >= limit) {
                    return out;
                }
                out.add(head + value + tail);
            }
        }
        return out;
    }

    private List<String> valuesOf(String name, int depth) throws ExpansionError {
        if (dependencies != null) {
            // Record the raw definition of this name and, by expanding afresh, of every name it uses.
            depend(name, definition(name));
        }
        String builtin = sets.containsKey(name) ? null : builtins.get(name);
        if (builtin != null) {
            builtinHits++;
            if (depth > MAX_DEPTH) {
                throw new ExpansionError(name, true);
            }
            // The attachment as written may hold variables of its own: profile x /usr/bin/@{name}.
            return expand(builtin, depth + 1, MAX_ALTERNATIVES);
        }
        if (dependencies == null) {
            List<String> cached = expanded.get(name);
            if (cached == null && shared != null) {
                cached = shared.get(name);
            }
            if (cached != null) {
                return cached;
            }
        }
        int builtinsBefore = builtinHits;
        List<String> raw = sets.get(name);
        if (raw == null) {
            throw new ExpansionError(name, false);
        }
        if (depth > MAX_DEPTH) {
            throw new ExpansionError(name, true);
        }
        // Found before expanding: a large expansion stops at MAX_ALTERNATIVES and may not reach it.
        if (refersToItself(name, raw)) {
            throw new ExpansionError(name, true);
        }
        List<String> out = new ArrayList<>();
        for (String value : raw) {
            out.addAll(expand(value, depth + 1, MAX_ALTERNATIVES));
            if (out.size() >= MAX_ALTERNATIVES) {
                break;
            }
        }
        // An expansion through a built-in differs per profile: it is not kept.
        if (builtinHits == builtinsBefore) {
            expanded.put(name, out);
            if (shared != null && !sharedReadOnly) {
                shared.put(name, out);
            }
        }
        return out;
    }

    private static boolean isName(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** The index of the next unescaped {@code @{NAME}}, or -1. */
    static int referenceStart(String text, int from) {
        for (int i = from; i < text.length() - 2; i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
                continue;
            }
            if (c == '@' && text.charAt(i + 1) == '{') {
                int close = text.indexOf('}', i + 2);
                if (close > i + 2 && isName(text, i + 2, close)) {
                    return i;
                }
            }
        }
        return -1;
    }
}
