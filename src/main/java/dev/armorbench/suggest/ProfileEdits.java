package dev.armorbench.suggest;

import dev.armorbench.policy.check.SourceFile;
import dev.armorbench.policy.syntax.SyntaxElement;
import dev.armorbench.policy.syntax.SyntaxKind;
import dev.armorbench.policy.syntax.SyntaxNode;
import dev.armorbench.policy.syntax.SyntaxToken;
import dev.armorbench.policy.syntax.TextEdit;
import dev.armorbench.policy.syntax.TextLines;
import dev.armorbench.policy.syntax.TokenKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans the edits that put suggestions into the user's own text: each new rule goes into its
 * (child) profile on a new line after the last rule of the same kind (or after the last rule, or
 * after the opening brace), with that line's indentation; a child that does not exist yet is
 * added before its parent's closing brace. Nothing else in the file changes.
 */
public final class ProfileEdits {
    private final SourceFile source;
    private final String text;
    private final String unit;

    private ProfileEdits(SourceFile source) {
        this.source = source;
        this.text = source.text();
        this.unit = indentUnit(text);
    }

    /** The hunks for the suggestions whose profile this file defines; the rest are returned unplaced. */
    public static EditPlan plan(SourceFile source, List<Suggestion> suggestions) {
        return new ProfileEdits(source).plan(suggestions);
    }

    /** A profile block of the file. */
    private record Block(String name, int depth, SyntaxNode profile, SyntaxNode block, Map<String, Block> children) {
    }

    private EditPlan plan(List<Suggestion> suggestions) {
        Map<String, Block> top = new LinkedHashMap<>();
        index(source.tree().root(), top, 1);
        // Suggestions per insertion offset, in order; new children are grouped per parent.
        Map<Integer, List<Suggestion>> atOffset = new LinkedHashMap<>();
        Map<Integer, String> indentAt = new LinkedHashMap<>();
        Map<Integer, Block> newChildParents = new LinkedHashMap<>();
        List<Suggestion> unplaced = new ArrayList<>();
        for (Suggestion s : suggestions) {
            Block block = top.get(s.profile().root());
            if (block == null) {
                unplaced.add(s);
                continue;
            }
            List<String> names = s.profile().names();
            int depth = 1;
            while (depth < names.size() && block.children.containsKey(names.get(depth))) {
                block = block.children.get(names.get(depth));
                depth++;
            }
            if (depth < names.size()) {
                int at = closingLineStart(block);
                atOffset.computeIfAbsent(-1 - at, k -> new ArrayList<>()).add(s);
                newChildParents.put(-1 - at, block);
                continue;
            }
            Anchor anchor = anchor(block, s.kind());
            atOffset.computeIfAbsent(anchor.offset, k -> new ArrayList<>()).add(s);
            indentAt.put(anchor.offset, anchor.indent);
        }
        List<Hunk> hunks = new ArrayList<>();
        for (Map.Entry<Integer, List<Suggestion>> entry : atOffset.entrySet()) {
            List<Suggestion> group = new ArrayList<>(entry.getValue());
            // Of one kind, a rule that stands for many (a glob for hundreds of files) comes first:
            // a long hunk draws only its first lines.
            group.sort(Comparator.comparing((Suggestion x) -> x.profile().label())
                    .thenComparing(x -> x.kind().ordinal()).thenComparing(x -> x.replaces().isEmpty())
                    .thenComparing(x -> x.chosen().rule()));
            int key = entry.getKey();
            if (key < 0) {
                hunks.add(newChildren(-1 - key, newChildParents.get(key), group));
            } else {
                StringBuilder lines = new StringBuilder();
                for (Suggestion s : group) {
                    lines.append(indentAt.get(key)).append(s.chosen().rule()).append('\n');
                }
                // After a brace or a last line without a line break, the rules start a line of their own.
                String inserted = key > 0 && text.charAt(key - 1) != '\n' ? "\n" + lines : lines.toString();
                hunks.add(new Hunk(group.get(0).profile(), TextEdit.insert(key, inserted), group));
            }
        }
        hunks.sort(Comparator.comparingInt(h -> h.edit().start()));
        return new EditPlan(source, hunks, unplaced);
    }

    private Hunk newChildren(int at, Block parent, List<Suggestion> group) {
        String parentIndent = lineIndent(parent.profile.start());
        int depthOfParent = parent.depth;
        StringBuilder out = new StringBuilder();
        Map<List<String>, List<Suggestion>> byChild = new LinkedHashMap<>();
        for (Suggestion s : group) {
            byChild.computeIfAbsent(s.profile().names().subList(depthOfParent, s.profile().names().size()),
                    k -> new ArrayList<>()).add(s);
        }
        // Nested new children: open each level once, in order.
        List<String> open = new ArrayList<>();
        for (Map.Entry<List<String>, List<Suggestion>> child : byChild.entrySet()) {
            List<String> path = child.getKey();
            int common = 0;
            while (common < open.size() && common < path.size() && open.get(common).equals(path.get(common))) {
                common++;
            }
            while (open.size() > common) {
                open.remove(open.size() - 1);
                out.append(parentIndent).append(unit.repeat(open.size() + 1)).append("}\n");
            }
            for (int i = common; i < path.size(); i++) {
                out.append(parentIndent).append(unit.repeat(i + 1)).append(NewProfiles.header(path.get(i), true)).append(" {\n");
                open.add(path.get(i));
            }
            for (Suggestion s : child.getValue()) {
                out.append(parentIndent).append(unit.repeat(path.size() + 1)).append(s.chosen().rule()).append('\n');
            }
        }
        while (!open.isEmpty()) {
            open.remove(open.size() - 1);
            out.append(parentIndent).append(unit.repeat(open.size() + 1)).append("}\n");
        }
        int close = parent.block.end() - 1;
        boolean atLineStart = at == lineStart(close) && text.substring(at, close).isBlank();
        String inserted = atLineStart ? out.toString() : "\n" + out + parentIndent;
        int offset = atLineStart ? at : close;
        return new Hunk(group.get(0).profile(), TextEdit.insert(offset, inserted), group);
    }

    private record Anchor(int offset, String indent) {
    }

    /** After the last rule of the kind, else after the last rule or include, else after the opening brace. */
    private Anchor anchor(Block block, RuleKind kind) {
        SyntaxNode sameKind = null;
        SyntaxNode anyRule = null;
        for (SyntaxNode node : block.block.childNodes()) {
            RuleKind nodeKind = RuleKind.of(node, text);
            if (nodeKind == null) {
                continue;
            }
            anyRule = node;
            if (nodeKind == kind) {
                sameKind = node;
            }
        }
        SyntaxNode after = sameKind != null ? sameKind : anyRule;
        if (after != null) {
            int offset = nextLineStart(after.end());
            int close = block.block.end() - 1;
            if (offset > close) {
                // The rule runs into the closing brace (its comma is missing, or '}' shares its line):
                // the new rules go on the brace's own line start when it has one, else right before it.
                int closeLine = lineStart(close);
                offset = closeLine > after.start() && text.substring(closeLine, close).isBlank() ? closeLine : close;
            }
            return new Anchor(offset, lineIndent(after.start()));
        }
        SyntaxToken open = openBrace(block.block);
        String indent = lineIndent(block.profile.start()) + unit;
        int lineAfterBrace = nextLineStart(open.end());
        int close = block.block.end() - 1;
        if (lineAfterBrace > close) {
            // "profile p { }" on one line: nothing to put a line after; the edit opens it up.
            return new Anchor(open.end(), indent);
        }
        return new Anchor(lineAfterBrace, indent);
    }

    private void index(SyntaxNode container, Map<String, Block> into, int depth) {
        for (SyntaxNode node : container.childNodes()) {
            if (node.kind() != SyntaxKind.PROFILE) {
                continue;
            }
            SyntaxNode block = node.child(SyntaxKind.BLOCK);
            String name = profileName(node);
            if (block == null || name == null || openBrace(block) == null) {
                continue;
            }
            Block entry = new Block(name, depth, node, block, new LinkedHashMap<>());
            into.putIfAbsent(name, entry);
            index(block, entry.children, depth + 1);
        }
    }

    /** The name of a profile node: its first word after {@code profile}, {@code hat} or {@code ^}, unquoted. */
    private String profileName(SyntaxNode profile) {
        List<SyntaxToken> tokens = profile.significantTokens();
        int i = 0;
        if (!tokens.isEmpty()) {
            SyntaxToken first = tokens.get(0);
            String word = text.substring(first.start(), first.end());
            if (first.kind() == TokenKind.CARET || word.equals("profile") || word.equals("hat")) {
                i = 1;
            }
        }
        if (i >= tokens.size()) {
            return null;
        }
        SyntaxToken name = tokens.get(i);
        String raw = text.substring(name.start(), name.end());
        return name.kind() == TokenKind.QUOTED && raw.length() >= 2 ? raw.substring(1, raw.length() - 1) : raw;
    }

    private static SyntaxToken openBrace(SyntaxNode block) {
        for (SyntaxElement element : block.children()) {
            if (element instanceof SyntaxToken token && token.kind() == TokenKind.L_BRACE) {
                return token;
            }
        }
        return null;
    }

    private int closingLineStart(Block block) {
        return lineStart(block.block.end() - 1);
    }

    private int lineStart(int offset) {
        return TextLines.lineStart(text, offset);
    }

    private int nextLineStart(int offset) {
        return TextLines.nextLineStart(text, offset);
    }

    private String lineIndent(int offset) {
        return TextLines.indentAt(text, offset);
    }

    /** The file's own indentation step: the first indented line's leading whitespace, else two spaces. */
    private static String indentUnit(String text) {
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int i = 0;
            while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
            }
            if (i > 0) {
                return line.substring(0, i);
            }
        }
        return "  ";
    }
}
