package dev.armorbench.container;

import dev.armorbench.policy.syntax.SyntaxNode;
import java.util.List;

/**
 * Where a profile stands in the text: what the policy model does not record (yet). Read from the
 * lossless syntax tree by {@link ProfileSites}.
 *
 * @param name the name as written, unquoted
 * @param nameRange the name token
 * @param attachment the attachment token, or null
 * @param attachmentRemoval the attachment and the blank after it, what removing it deletes; null without one
 * @param flags the {@code flags=(…)} (or bare {@code (…)}) part, or null
 * @param headerEnd the end of the header's last token before {@code {}
 * @param closeBrace the offset of the closing {@code }}, or the node's end when it is missing
 * @param rules the rule statements of this profile (inside qualifier blocks and conditionals too, not children's)
 * @param includes the include statements of this profile
 */
public record ProfileSite(SyntaxNode node, String keyword, String name, TextRange nameRange, TextRange attachment,
        TextRange attachmentRemoval, FlagsSite flags, int headerEnd, int closeBrace, List<RuleSite> rules,
        List<TextRange> includes, List<ProfileSite> children) {

    public TextRange range() {
        return new TextRange(node.start(), node.end());
    }

    /** From the start of the header to its {@code {}. */
    public TextRange header() {
        return new TextRange(node.start(), headerEnd);
    }

    /**
     * The {@code flags=(…)} part of a header.
     *
     * @param range the whole part, {@code flags=} included
     * @param closeParen the offset of its {@code )}
     * @param values the flags as written
     */
    public record FlagsSite(TextRange range, int closeParen, List<String> values) {
    }

    /** One rule statement: its range and its words (tokens other than punctuation, unquoted). */
    public record RuleSite(TextRange range, List<String> words) {
    }
}
