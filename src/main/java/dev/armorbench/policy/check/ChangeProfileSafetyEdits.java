package dev.armorbench.policy.check;

import dev.armorbench.policy.syntax.SyntaxNode;
import dev.armorbench.policy.syntax.SyntaxToken;
import dev.armorbench.policy.syntax.TextEdit;
import dev.armorbench.policy.syntax.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fixes for two change_profile rules that allow one change, one {@code unsafe} and one not:
 * one rule takes the other's safety. As with exec modes ({@link ExecTransitionEdits}), which is
 * meant only the user knows, so both ways are offered, the other rule only in the same file. Only
 * the {@code safe}/{@code unsafe} word changes: it is replaced, or written before the program.
 */
final class ChangeProfileSafetyEdits {
    private ChangeProfileSafetyEdits() {
    }

    /** Where a change_profile rule writes its safety: the keyword, or where one goes (before the program). */
    private record Written(String safety, int start, int end) {
        /** The edit that makes this rule {@code safety}; {@code safe} is written out, though it is the default. */
        TextEdit become(String wanted) {
            return start == end ? TextEdit.insert(start, wanted + " ") : new TextEdit(start, end, wanted);
        }
    }

    /** The fixes for the clash of the rule at {@code node} with the earlier one at {@code earlierNode}. */
    static List<DiagnosticFix> fixes(SourceFile source, SyntaxNode node, SourceFile earlierSource, SyntaxNode earlierNode) {
        Optional<Written> mine = find(source.text(), node);
        Optional<Written> theirs = find(earlierSource.text(), earlierNode);
        if (mine.isEmpty() || theirs.isEmpty() || mine.get().safety().equals(theirs.get().safety())) {
            return List.of();
        }
        String line = ExecModeClashes.where(earlierSource, earlierNode, source);
        List<DiagnosticFix> fixes = new ArrayList<>(2);
        fixes.add(new DiagnosticFix("Make it " + theirs.get().safety() + " here, as " + line + " does",
                List.of(mine.get().become(theirs.get().safety()))));
        if (earlierSource == source) {
            fixes.add(new DiagnosticFix("Make it " + mine.get().safety() + " on " + line + " too, as here",
                    List.of(theirs.get().become(mine.get().safety()))));
        }
        return fixes;
    }

    /**
     * The safety the rule writes ({@code safe} when it writes none, as apparmor_parser reads a
     * change_profile with a program) and where; empty when the rule is not of the expected shape.
     */
    private static Optional<Written> find(String text, SyntaxNode rule) {
        List<SyntaxToken> tokens = rule.significantTokens();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            SyntaxToken token = tokens.get(i);
            if (token.kind() != TokenKind.KEYWORD || !text.startsWith("change_profile", token.start())
                    || token.end() - token.start() != "change_profile".length()) {
                continue;
            }
            SyntaxToken next = tokens.get(i + 1);
            String word = text.substring(next.start(), next.end());
            if (next.kind() == TokenKind.KEYWORD && (word.equals("safe") || word.equals("unsafe"))) {
                return Optional.of(new Written(word, next.start(), next.end()));
            }
            return next.kind() == TokenKind.ARROW || next.kind() == TokenKind.COMMA ? Optional.empty()
                    : Optional.of(new Written("safe", next.start(), next.start()));
        }
        return Optional.empty();
    }
}
