package dev.armorbench.container;

import dev.armorbench.container.ProfileSite.FlagsSite;
import dev.armorbench.container.ProfileSite.RuleSite;
import dev.armorbench.policy.syntax.SyntaxElement;
import dev.armorbench.policy.syntax.SyntaxKind;
import dev.armorbench.policy.syntax.SyntaxNode;
import dev.armorbench.policy.syntax.SyntaxToken;
import dev.armorbench.policy.syntax.SyntaxTree;
import dev.armorbench.policy.syntax.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads where each profile, its header parts and its rules stand from the lossless syntax tree.
 * The policy model has meaning but no offsets; this is the other half the container checks need to
 * point at text and to build quick fixes.
 */
public final class ProfileSites {
    private final SyntaxTree tree;

    private ProfileSites(SyntaxTree tree) {
        this.tree = tree;
    }

    /** The top-level profiles of a text, each with its children and hats, in source order. */
    public static List<ProfileSite> read(SyntaxTree tree) {
        ProfileSites reader = new ProfileSites(tree);
        List<ProfileSite> profiles = new ArrayList<>();
        reader.collectProfiles(tree.root(), profiles);
        return profiles;
    }

    /** Profiles directly in this container, looking through conditionals but not into other profiles. */
    private void collectProfiles(SyntaxNode container, List<ProfileSite> out) {
        for (SyntaxNode node : container.childNodes()) {
            switch (node.kind()) {
                case PROFILE -> {
                    ProfileSite site = profile(node);
                    if (site != null) {
                        out.add(site);
                    }
                }
                case CONDITIONAL, BLOCK -> collectProfiles(node, out);
                default -> {
                }
            }
        }
    }

    private ProfileSite profile(SyntaxNode node) {
        List<SyntaxToken> header = node.significantTokens();
        int i = 0;
        String keyword = null;
        if (!header.isEmpty()) {
            String first = text(header.get(0));
            if (header.get(0).kind() == TokenKind.CARET || first.equals("profile") || first.equals("hat")) {
                keyword = first;
                i = 1;
            }
        }
        if (i >= header.size() || !isName(header.get(i))) {
            return null;
        }
        SyntaxToken nameToken = header.get(i++);
        TextRange attachment = null;
        TextRange attachmentRemoval = null;
        if (i < header.size() && isName(header.get(i)) && !isKeyValue(header, i)) {
            SyntaxToken token = header.get(i);
            attachment = new TextRange(token.start(), token.end());
            int next = i + 1 < header.size() ? header.get(i + 1).start() : blockStart(node);
            attachmentRemoval = new TextRange(token.start(), next);
            i++;
        }
        FlagsSite flags = null;
        for (; i < header.size(); i++) {
            SyntaxToken token = header.get(i);
            boolean named = text(token).equals("flags") && i + 2 < header.size()
                    && header.get(i + 1).kind() == TokenKind.ASSIGN && header.get(i + 2).kind() == TokenKind.L_PAREN;
            boolean bare = token.kind() == TokenKind.L_PAREN && (i == 0 || !(header.get(i - 1).kind() == TokenKind.ASSIGN));
            if (named || bare) {
                int open = named ? i + 2 : i;
                int close = open;
                List<String> values = new ArrayList<>();
                while (close < header.size() && header.get(close).kind() != TokenKind.R_PAREN) {
                    SyntaxToken inner = header.get(close);
                    if (inner.kind() == TokenKind.WORD || inner.kind() == TokenKind.KEYWORD) {
                        for (String part : text(inner).split(",")) {
                            if (!part.isEmpty()) {
                                values.add(part);
                            }
                        }
                    }
                    close++;
                }
                if (close < header.size()) {
                    flags = new FlagsSite(new TextRange(token.start(), header.get(close).end()), header.get(close).start(),
                            List.copyOf(values));
                }
                i = close;
            }
        }
        SyntaxNode block = node.child(SyntaxKind.BLOCK);
        int headerEnd = header.isEmpty() ? node.start() : header.get(header.size() - 1).end();
        int closeBrace = node.end();
        List<RuleSite> rules = new ArrayList<>();
        List<TextRange> includes = new ArrayList<>();
        List<ProfileSite> children = new ArrayList<>();
        if (block != null) {
            List<SyntaxToken> blockTokens = block.significantTokens();
            SyntaxToken last = blockTokens.isEmpty() ? null : blockTokens.get(blockTokens.size() - 1);
            if (last != null && last.kind() == TokenKind.R_BRACE && blockTokens.size() > 1) {
                closeBrace = last.start();
            }
            collectStatements(block, rules, includes);
            collectProfiles(block, children);
        }
        return new ProfileSite(node, keyword, nameText(nameToken), new TextRange(nameToken.start(), nameToken.end()),
                attachment, attachmentRemoval, flags, headerEnd, closeBrace, List.copyOf(rules), List.copyOf(includes),
                List.copyOf(children));
    }

    private void collectStatements(SyntaxNode container, List<RuleSite> rules, List<TextRange> includes) {
        for (SyntaxNode node : container.childNodes()) {
            switch (node.kind()) {
                case RULE -> rules.add(new RuleSite(new TextRange(node.start(), node.end()), words(node)));
                case INCLUDE -> includes.add(new TextRange(node.start(), node.end()));
                case QUALIFIER_BLOCK, CONDITIONAL, BLOCK -> collectStatements(node, rules, includes);
                default -> {
                }
            }
        }
    }

    private List<String> words(SyntaxNode rule) {
        List<String> words = new ArrayList<>();
        for (SyntaxElement element : rule.children()) {
            if (element instanceof SyntaxToken token && (token.kind() == TokenKind.WORD || token.kind() == TokenKind.KEYWORD
                    || token.kind() == TokenKind.QUOTED)) {
                words.add(nameText(token));
            }
        }
        return List.copyOf(words);
    }

    private int blockStart(SyntaxNode node) {
        SyntaxNode block = node.child(SyntaxKind.BLOCK);
        return block == null ? node.end() : block.start();
    }

    private static boolean isName(SyntaxToken token) {
        return token.kind() == TokenKind.WORD || token.kind() == TokenKind.QUOTED;
    }

    private boolean isKeyValue(List<SyntaxToken> header, int i) {
        return i + 1 < header.size() && header.get(i + 1).kind() == TokenKind.ASSIGN;
    }

    private String nameText(SyntaxToken token) {
        String raw = text(token);
        return token.kind() == TokenKind.QUOTED ? unquote(raw) : raw;
    }

    private String text(SyntaxToken token) {
        return tree.text(token);
    }

    static String unquote(String quoted) {
        int end = quoted.length() > 1 && quoted.endsWith("\"") ? quoted.length() - 1 : quoted.length();
        StringBuilder out = new StringBuilder(end);
        for (int i = 1; i < end; i++) {
            char c = quoted.charAt(i);
            if (c == '\\' && i + 1 < end && (quoted.charAt(i + 1) == '"' || quoted.charAt(i + 1) == '\\')) {
                out.append(quoted.charAt(++i));
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }
}
