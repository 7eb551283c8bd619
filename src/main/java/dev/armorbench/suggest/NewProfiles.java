package dev.armorbench.suggest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the profiles that do not exist yet, as aa-logprof does on an empty profile directory:
 * one top-level profile per label, its children nested, rules in kind order, each suggestion's
 * chosen alternative.
 */
public final class NewProfiles {
    private NewProfiles() {
    }

    /** The text of each new top-level profile, by name, in the order first seen. */
    public static Map<String, String> render(List<Suggestion> suggestions) {
        Map<String, Node> roots = new LinkedHashMap<>();
        for (Suggestion s : suggestions) {
            if (!s.isNewProfile()) {
                continue;
            }
            Node node = roots.computeIfAbsent(s.profile().root(), Node::new);
            for (String child : s.profile().names().subList(1, s.profile().names().size())) {
                node = node.children.computeIfAbsent(child, Node::new);
            }
            node.rules.add(s);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Node root : roots.values()) {
            StringBuilder text = new StringBuilder();
            write(root, 0, text);
            out.put(root.name, text.toString());
        }
        return out;
    }

    /** A header line's opening: {@code /path}, {@code profile name} or, for a child, {@code profile name}/{@code ^null-…}. */
    static String header(String name, boolean child) {
        String token = RuleText.profileName(name);
        if (child) {
            return (name.startsWith("null-") ? "^" : "profile ") + token;
        }
        return name.startsWith("/") ? token : "profile " + token;
    }

    private static void write(Node node, int depth, StringBuilder out) {
        String indent = "  ".repeat(depth);
        out.append(indent).append(header(node.name, depth > 0)).append(" {\n");
        List<Suggestion> rules = new ArrayList<>(node.rules);
        rules.sort(Comparator.comparing((Suggestion s) -> s.kind().ordinal()).thenComparing(s -> s.chosen().rule()));
        for (Suggestion s : rules) {
            out.append(indent).append("  ").append(s.chosen().rule()).append('\n');
        }
        if (!rules.isEmpty()) {
            out.append('\n');
        }
        for (Node child : node.children.values()) {
            write(child, depth + 1, out);
        }
        out.append(indent).append("}\n");
    }

    private static final class Node {
        final String name;
        final List<Suggestion> rules = new ArrayList<>();
        final Map<String, Node> children = new TreeMap<>();

        Node(String name) {
            this.name = name;
        }
    }
}
