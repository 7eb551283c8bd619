package dev.armorbench.suggest;

import dev.armorbench.policy.syntax.SyntaxKind;
import dev.armorbench.policy.syntax.SyntaxNode;
import dev.armorbench.policy.syntax.SyntaxToken;
import dev.armorbench.policy.syntax.TokenKind;
import java.util.Map;
import java.util.Set;

/**
 * The kinds of rule a suggestion can add, in the order new profiles list them. The keyword is how
 * an existing rule of that kind starts (after its qualifiers), so new rules can be placed after the
 * last rule of the same kind.
 */
public enum RuleKind {
    INCLUDE("include"),
    CAPABILITY("capability"),
    NETWORK("network"),
    UNIX("unix"),
    SIGNAL("signal"),
    PTRACE("ptrace"),
    DBUS("dbus"),
    MQUEUE("mqueue"),
    IO_URING("io_uring"),
    USERNS("userns"),
    MOUNT("mount"),
    UMOUNT("umount"),
    PIVOT_ROOT("pivot_root"),
    CHANGE_PROFILE("change_profile"),
    CHANGE_HAT("change_hat"),
    LINK("link"),
    FILE("file");

    private static final Map<String, RuleKind> BY_KEYWORD = Map.ofEntries(
            Map.entry("include", INCLUDE), Map.entry("#include", INCLUDE), Map.entry("capability", CAPABILITY),
            Map.entry("network", NETWORK), Map.entry("unix", UNIX), Map.entry("signal", SIGNAL),
            Map.entry("ptrace", PTRACE), Map.entry("dbus", DBUS), Map.entry("mqueue", MQUEUE),
            Map.entry("io_uring", IO_URING), Map.entry("userns", USERNS), Map.entry("mount", MOUNT),
            Map.entry("remount", MOUNT), Map.entry("umount", UMOUNT), Map.entry("unmount", UMOUNT),
            Map.entry("pivot_root", PIVOT_ROOT), Map.entry("change_profile", CHANGE_PROFILE),
            Map.entry("change_hat", CHANGE_HAT), Map.entry("link", LINK), Map.entry("file", FILE));

    /** Words that may stand before a rule's own first word. */
    private static final Set<String> QUALIFIERS = Set.of("audit", "deny", "allow", "prompt", "owner", "user", "other",
            "quiet", "kill", "complain");

    private final String keyword;

    RuleKind(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }

    /** Whether {@code word} is one of the words that may stand before a rule's own first word. */
    public static boolean isQualifier(String word) {
        return QUALIFIERS.contains(word);
    }

    /**
     * The kind of an existing rule from its first word after the qualifiers; a path, a variable or
     * permissions first ({@code r /x,}) make a file rule; null for what suggestions never add
     * (rlimits, aliases).
     */
    public static RuleKind ofFirstWord(String word) {
        RuleKind kind = BY_KEYWORD.get(word);
        if (kind != null) {
            return kind;
        }
        if (word.startsWith("/") || word.startsWith("@") || word.startsWith("\"") || word.startsWith("{")) {
            return FILE;
        }
        if (word.equals("set") || word.equals("alias")) {
            return null;
        }
        return word.chars().allMatch(c -> "rwaklmxiupcUPCI".indexOf(c) >= 0) ? FILE : null;
    }

    /**
     * The kind of the rule or include {@code node} of {@code text}: its first word after the
     * qualifiers (and a {@code priority=N}), as {@link #ofFirstWord} reads it; null for other nodes.
     */
    public static RuleKind of(SyntaxNode node, String text) {
        if (node.kind() == SyntaxKind.INCLUDE) {
            return INCLUDE;
        }
        if (node.kind() != SyntaxKind.RULE) {
            return null;
        }
        for (SyntaxToken token : node.significantTokens()) {
            String word = text.substring(token.start(), token.end());
            if (QUALIFIERS.contains(word) || word.startsWith("priority")) {
                continue;
            }
            if (token.kind() == TokenKind.ASSIGN || token.kind() == TokenKind.WORD && word.matches("[+-]?[0-9]+")) {
                continue;
            }
            RuleKind kind = ofFirstWord(token.kind() == TokenKind.QUOTED ? "\"" : word);
            return kind == null ? FILE : kind;
        }
        return null;
    }
}
