package dev.armorbench.policy.check;

import dev.armorbench.policy.syntax.SyntaxElement;
import dev.armorbench.policy.syntax.SyntaxKind;
import dev.armorbench.policy.syntax.SyntaxNode;
import dev.armorbench.policy.syntax.SyntaxToken;
import dev.armorbench.policy.syntax.TokenKind;
import java.util.Optional;

/**
 * Where an exec rule writes its exec mode: the letters inside its permissions word, {@code ix} of
 * {@code mrix}, {@code Pix} of {@code mrPix}, as {@code [start, end)} in its file's text. Found on
 * the rule's tokens, so a path or a target that holds the same letters is never taken for them.
 * The fixes that change a rule's mode edit just these letters.
 */
public record ExecLetters(int start, int end) {
    private static final String EXEC_LETTERS = "pPcCuUiI";

    /** The exec letters of {@code rule}, a rule node of {@code text}, or empty when it has none. */
    static Optional<ExecLetters> in(String text, SyntaxNode rule) {
        for (SyntaxToken token : rule.significantTokens()) {
            if (token.kind() != TokenKind.WORD) {
                continue;
            }
            String word = text.substring(token.start(), token.end());
            if (!isPermissions(word)) {
                continue;
            }
            int x = word.indexOf('x');
            int start = x;
            while (start > 0 && x - start < 2 && EXEC_LETTERS.indexOf(word.charAt(start - 1)) >= 0) {
                start--;
            }
            if (start < x) {
                return Optional.of(new ExecLetters(token.start() + start, token.start() + x + 1));
            }
        }
        return Optional.empty();
    }

    /** The exec letters of the rule that spans exactly {@code [start, end)} of {@code source}, or empty. */
    public static Optional<ExecLetters> inRule(SourceFile source, int start, int end) {
        SyntaxNode node = source.tree().root();
        while (node != null && !(node.kind() == SyntaxKind.RULE && node.start() == start && node.end() == end)) {
            node = childHolding(node, start, end);
        }
        return node == null ? Optional.empty() : in(source.text(), node);
    }

    private static SyntaxNode childHolding(SyntaxNode node, int start, int end) {
        for (SyntaxElement child : node.children()) {
            if (child instanceof SyntaxNode inner && inner.start() <= start && end <= inner.end()) {
                return inner;
            }
        }
        return null;
    }

    /** A word of permission letters with an exec mode in it ({@code px}, {@code mrix}, {@code rPUx}). */
    private static boolean isPermissions(String word) {
        if (word.indexOf('x') < 0) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if ("rwaklmx".indexOf(word.charAt(i)) < 0 && EXEC_LETTERS.indexOf(word.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
