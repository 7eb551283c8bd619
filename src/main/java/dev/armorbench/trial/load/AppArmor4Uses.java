package dev.armorbench.trial.load;

import static dev.armorbench.trial.load.AppArmor4Feature.*;

import dev.armorbench.policy.syntax.SyntaxElement;
import dev.armorbench.policy.syntax.SyntaxNode;
import dev.armorbench.policy.syntax.SyntaxToken;
import dev.armorbench.policy.syntax.TokenKind;
import dev.armorbench.suggest.RuleKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where a text uses an {@link AppArmor4Feature}: one walk of its lossless tree, reading the tokens
 * of rules, qualifier blocks, profile headers, conditions, assignments and abi lines.
 */
public final class AppArmor4Uses {
    private AppArmor4Uses() {
    }

    /** The mount options AppArmor 4 added to the ones AppArmor 3 (3.0.8) reads. */
    private static final Set<String> NEWER_MOUNT_OPTIONS = Set.of("symfollow", "nosymfollow", "lazytime", "nolazytime",
            "nostrictatime");

    /** One place of {@code feature} in a text: {@code text[start, end)}. */
    public record Use(AppArmor4Feature feature, int start, int end) {}

    /**
     * Every place of the tree under {@code root} that uses one of these, in the order of the text:
     * the rule for a rule kind, {@code priority=N} and {@code prompt} where they qualify a rule or
     * a block, the flag (with its value) in a profile's or hat's {@code flags=(…)}, a condition,
     * an assignment's operator, {@code <kernel>}, a header's identities, and {@code @{exec_path}}
     * or {@code @{attach_path}} where the policy itself does not define it ({@code userVariables}:
     * the names the text and its includes define).
     */
    public static List<Use> find(SyntaxNode root, String text, Set<String> userVariables) {
        List<Use> uses = new ArrayList<>();
        collect(root, text, userVariables, uses);
        return uses;
    }

    private static void collect(SyntaxNode node, String text, Set<String> userVariables, List<Use> uses) {
        List<SyntaxToken> tokens = node.significantTokens();
        switch (node.kind()) {
            case RULE -> {
                rule(node, tokens, text, uses);
                pathVariables(tokens, text, userVariables, uses);
            }
            case QUALIFIER_BLOCK -> qualifiers(tokens, text, uses);
            case PROFILE -> {
                identities(tokens, text, uses);
                flags(tokens, text, uses);
                pathVariables(tokens, text, userVariables, uses);
            }
            case CONDITION -> condition(tokens, text, uses);
            case VARIABLE_ASSIGNMENT, BOOL_ASSIGNMENT -> assignment(tokens, text, uses);
            case ABI -> tokens.stream().filter(token -> word(token, text).equals("<kernel>"))
                    .forEach(token -> uses.add(new Use(KERNEL_ABI, token.start(), token.end())));
            default -> {
            }
        }
        for (SyntaxElement child : node.children()) {
            if (child instanceof SyntaxNode inner) {
                collect(inner, text, userVariables, uses);
            }
        }
    }

    /** A condition with what AppArmor 3 does not read: 'and', 'or', parentheses, 'true', 'false'. */
    private static void condition(List<SyntaxToken> tokens, String text, List<Use> uses) {
        for (SyntaxToken token : tokens) {
            String word = word(token, text);
            if (token.kind() == TokenKind.L_PAREN || word.equals("and") || word.equals("or") || word.equals("true")
                    || word.equals("false")) {
                // The condition's own text, without the spaces around it.
                int end = tokens.get(tokens.size() - 1).end();
                uses.add(new Use(CONDITION_OPERATORS, tokens.get(0).start(), end));
                return;
            }
        }
    }

    private static void assignment(List<SyntaxToken> tokens, String text, List<Use> uses) {
        for (SyntaxToken token : tokens) {
            if (token.kind() == TokenKind.ASSIGN) {
                String operator = word(token, text);
                if (operator.equals("?=")) {
                    uses.add(new Use(IF_UNSET_ASSIGNMENT, token.start(), token.end()));
                } else if (operator.equals(":=")) {
                    uses.add(new Use(OVERRIDE_ASSIGNMENT, token.start(), token.end()));
                }
                return;
            }
        }
    }

    /** {@code + identities=( … )} in a profile header, from the '+' to the closing parenthesis. */
    private static void identities(List<SyntaxToken> header, String text, List<Use> uses) {
        for (int i = 0; i + 1 < header.size(); i++) {
            if (word(header.get(i), text).equals("+") && word(header.get(i + 1), text).equals("identities")) {
                int end = header.get(i + 1).end();
                for (int j = i + 2; j < header.size(); j++) {
                    if (header.get(j).kind() == TokenKind.R_PAREN) {
                        end = header.get(j).end();
                        break;
                    }
                }
                uses.add(new Use(IDENTITIES, header.get(i).start(), end));
            }
        }
    }

    /** {@code @{exec_path}} and {@code @{attach_path}} in tokens, where the policy does not define them itself. */
    private static void pathVariables(List<SyntaxToken> tokens, String text, Set<String> userVariables,
            List<Use> uses) {
        for (SyntaxToken token : tokens) {
            String word = word(token, text);
            for (String name : List.of("exec_path", "attach_path")) {
                int at = word.indexOf("@{" + name + "}");
                if (at >= 0 && !userVariables.contains(name)) {
                    uses.add(new Use(PATH_VARIABLES, token.start() + at, token.start() + at + name.length() + 3));
                }
            }
        }
    }

    /**
     * A rule of a kind AppArmor 4 added (the kind as {@link RuleKind#of} reads it, which knows
     * {@code all} for no kind of its own), the newer options of a mount rule, and its qualifiers.
     */
    private static void rule(SyntaxNode rule, List<SyntaxToken> tokens, String text, List<Use> uses) {
        int first = qualifiers(tokens, text, uses);
        RuleKind kind = RuleKind.of(rule, text);
        if (kind == RuleKind.MOUNT || kind == RuleKind.UMOUNT) {
            tokens.stream().skip(first + 1).filter(token -> NEWER_MOUNT_OPTIONS.contains(word(token, text)))
                    .forEach(token -> uses.add(new Use(MOUNT_OPTIONS, token.start(), token.end())));
        }
        boolean all = first < tokens.size() && tokens.get(first).kind() == TokenKind.KEYWORD
                && word(tokens.get(first), text).equals("all");
        AppArmor4Feature feature = all ? ALL_RULE : kind == RuleKind.USERNS ? USERNS_RULE
                : kind == RuleKind.MQUEUE ? MQUEUE_RULE : kind == RuleKind.IO_URING ? IO_URING_RULE : null;
        if (feature != null) {
            uses.add(new Use(feature, rule.start(), rule.end()));
        }
    }

    /**
     * Adds the uses among the qualifiers at the start of {@code tokens} ({@code priority=N audit
     * prompt owner …}) and returns the index of the first token after them.
     */
    private static int qualifiers(List<SyntaxToken> tokens, String text, List<Use> uses) {
        int i = 0;
        while (i < tokens.size() && tokens.get(i).kind() == TokenKind.KEYWORD) {
            SyntaxToken token = tokens.get(i);
            String word = word(token, text);
            if (word.equals("priority") && i + 2 < tokens.size() && tokens.get(i + 1).kind() == TokenKind.ASSIGN) {
                uses.add(new Use(PRIORITY, token.start(), tokens.get(i + 2).end()));
                i += 3;
            } else if (word.equals("prompt")) {
                uses.add(new Use(PROMPT_RULE, token.start(), token.end()));
                i++;
            } else if (RuleKind.isQualifier(word)) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    /**
     * The flags of a profile header: the words inside {@code flags=( … )}, or inside the bare
     * {@code ( … )} of the old form ({@code /usr/bin/foo (complain) {}}).
     */
    private static void flags(List<SyntaxToken> header, String text, List<Use> uses) {
        int open = -1;
        for (int i = 0; i < header.size() && open < 0; i++) {
            if (header.get(i).kind() != TokenKind.L_PAREN) {
                continue;
            }
            boolean afterFlagsKeyword = i >= 2 && header.get(i - 1).kind() == TokenKind.ASSIGN
                    && word(header.get(i - 2), text).equals("flags");
            boolean bare = i >= 1 && header.get(i - 1).kind() != TokenKind.ASSIGN;
            if (afterFlagsKeyword || bare) {
                open = i + 1;
            }
        }
        if (open < 0) {
            return;
        }
        for (int i = open; i < header.size() && header.get(i).kind() != TokenKind.R_PAREN; i++) {
            SyntaxToken token = header.get(i);
            // Some flags are keywords of the lexer too (prompt, kill, audit).
            if (token.kind() != TokenKind.WORD && token.kind() != TokenKind.KEYWORD) {
                continue;
            }
            AppArmor4Feature flag = flagNamed(word(token, text));
            if (flag == null) {
                continue;
            }
            int end = token.end();
            if (i + 2 < header.size() && header.get(i + 1).kind() == TokenKind.ASSIGN
                    && header.get(i + 2).kind() == TokenKind.WORD) {
                end = header.get(i + 2).end();
                i += 2;
            }
            uses.add(new Use(flag, token.start(), end));
        }
    }

    private static AppArmor4Feature flagNamed(String word) {
        for (AppArmor4Feature feature : AppArmor4Feature.values()) {
            if (word.equals(feature.flagName())) {
                return feature;
            }
        }
        return null;
    }

    private static String word(SyntaxToken token, String text) {
        return text.substring(token.start(), token.end());
    }

}
