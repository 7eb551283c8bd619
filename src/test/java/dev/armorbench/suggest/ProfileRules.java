package dev.armorbench.suggest;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The rules of a profile text per profile, for comparing what two tools wrote: rule order, blank
 * lines, quoting and spacing aside; {@code ^x}, {@code hat x} and {@code profile x} name the same
 * child. Profiles without rules are left out.
 */
final class ProfileRules {
    private ProfileRules() {
    }

    static Map<String, Set<String>> of(String text) {
        Map<String, Set<String>> out = new TreeMap<>();
        java.util.Deque<String> stack = new java.util.ArrayDeque<>();
        for (String raw : text.split("\n")) {
            String line = raw.trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.endsWith("{")) {
                String name = line.substring(0, line.length() - 1).trim();
                if (name.startsWith("profile ")) {
                    name = name.substring("profile ".length()).trim();
                } else if (name.startsWith("hat ")) {
                    name = name.substring("hat ".length()).trim();
                } else if (name.startsWith("^")) {
                    name = name.substring(1);
                }
                name = normalize(name);
                stack.push(stack.isEmpty() ? name : stack.peek() + "//" + name);
                continue;
            }
            if (line.equals("}")) {
                stack.pop();
                continue;
            }
            out.computeIfAbsent(stack.isEmpty() ? "" : stack.peek(), k -> new TreeSet<>()).add(normalize(line));
        }
        return out;
    }

    private static String normalize(String text) {
        return text.replace("\"", "").replaceAll("\\s+", " ").trim();
    }
}
