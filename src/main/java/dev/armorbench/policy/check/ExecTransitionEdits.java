package dev.armorbench.policy.check;

import dev.armorbench.policy.syntax.SyntaxNode;
import dev.armorbench.policy.syntax.SyntaxToken;
import dev.armorbench.policy.syntax.TextEdit;
import dev.armorbench.policy.syntax.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fixes for two exec rules whose patterns meet with different transitions: one rule takes the
 * other's transition as it is written there, its exec letters ({@link ExecLetters}) and its
 * {@code -> target} or none.
 * Which of the two is meant only the user knows, so both ways are offered; the other rule is
 * edited only when it is in the same file. Each edit touches only the letters and the target, so
 * the rest of the user's text, permissions and layout, stays as written.
 */
final class ExecTransitionEdits {
    private ExecTransitionEdits() {
    }

    /**
     * Where a rule writes its transition, in its file's {@code text}: the exec letters inside its
     * permissions ({@code ix} of {@code mrix}), the target after {@code ->} (start -1 for none),
     * where removing the target starts (the end of the word before the arrow), and where the rule's
     * code ends before its ',' (where a target goes).
     */
    record Written(String text, int execStart, int execEnd, int removeTargetFrom, int targetStart, int targetEnd,
            int codeEnd) {
        String exec() {
            return text.substring(execStart, execEnd);
        }

        /** The target as written (quotes kept), or null. */
        String target() {
            return targetStart < 0 ? null : text.substring(targetStart, targetEnd);
        }

        String transition() {
            return exec() + (target() == null ? "" : " -> " + target());
        }

        /** The edits that give this rule the transition of {@code other}. */
        List<TextEdit> adopt(Written other) {
            List<TextEdit> edits = new ArrayList<>(2);
            if (!exec().equals(other.exec())) {
                edits.add(new TextEdit(execStart, execEnd, other.exec()));
            }
            String mine = target();
            String theirs = other.target();
            if (mine == null && theirs != null) {
                edits.add(TextEdit.insert(codeEnd, " -> " + theirs));
            } else if (mine != null && theirs == null) {
                edits.add(TextEdit.delete(removeTargetFrom, targetEnd));
            } else if (mine != null && !mine.equals(theirs)) {
                edits.add(new TextEdit(targetStart, targetEnd, theirs));
            }
            return edits;
        }
    }

    /**
     * The fixes for the clash of the rule at {@code node} with the earlier one at
     * {@code earlierNode}: none when either transition cannot be told apart from the words around
     * it (a {@code safe} or {@code unsafe} keyword, which would override the letters' case, or a
     * comment where a target would be removed).
     */
    static List<DiagnosticFix> fixes(SourceFile source, SyntaxNode node, SourceFile earlierSource, SyntaxNode earlierNode) {
        Optional<Written> mine = find(source.text(), node);
        Optional<Written> theirs = find(earlierSource.text(), earlierNode);
        if (mine.isEmpty() || theirs.isEmpty()) {
            return List.of();
        }
        String line = ExecModeClashes.where(earlierSource, earlierNode, source);
        List<DiagnosticFix> fixes = new ArrayList<>(2);
        fixes.add(new DiagnosticFix("Use '" + theirs.get().transition() + "' here, as " + line + " does",
                mine.get().adopt(theirs.get())));
        if (earlierSource == source) {
            fixes.add(new DiagnosticFix("Use '" + mine.get().transition() + "' on " + line + " too, as here",
                    theirs.get().adopt(mine.get())));
        }
        return fixes;
    }

    /** Where the exec rule {@code rule} writes its transition in {@code text}, or empty (see {@link #fixes}). */
    static Optional<Written> find(String text, SyntaxNode rule) {
        List<SyntaxToken> tokens = rule.significantTokens();
        int arrow = -1;
        for (int i = 0; i < tokens.size(); i++) {
            SyntaxToken token = tokens.get(i);
            String word = text.substring(token.start(), token.end());
            if (token.kind() == TokenKind.KEYWORD && (word.equals("safe") || word.equals("unsafe"))) {
                return Optional.empty();
            }
            if (token.kind() == TokenKind.ARROW && arrow < 0) {
                arrow = i;
            }
        }
        Optional<ExecLetters> letters = ExecLetters.in(text, rule);
        int comma = tokens.size() - 1;
        if (letters.isEmpty() || comma < 1 || tokens.get(comma).kind() != TokenKind.COMMA) {
            return Optional.empty();
        }
        int execStart = letters.get().start();
        int execEnd = letters.get().end();
        int codeEnd = tokens.get(comma - 1).end();
        if (arrow < 0) {
            return Optional.of(new Written(text, execStart, execEnd, -1, -1, -1, codeEnd));
        }
        if (arrow < 1 || arrow + 1 >= comma) {
            return Optional.empty();
        }
        int removeFrom = tokens.get(arrow - 1).end();
        SyntaxToken target = tokens.get(arrow + 1);
        if (text.substring(removeFrom, target.start()).indexOf('#') >= 0) {
            // A comment between the permissions and the target: removing the target would take it along.
            return Optional.empty();
        }
        return Optional.of(new Written(text, execStart, execEnd, removeFrom, target.start(), target.end(), codeEnd));
    }
}
