package dev.armorbench.ui.editor;

import dev.armorbench.policy.syntax.Lexer;
import dev.armorbench.policy.syntax.LexerState;
import dev.armorbench.policy.syntax.TokenKind;

/**
 * Where a line begins in the language: the lexer state there and how many blocks are open.
 *
 * @param state the lexer state at the line start
 * @param braceDepth the number of open {@code { }} blocks (0 in the preamble)
 */
public record LineStart(LexerState state, int braceDepth) {
    /** Lexes {@code text} from its start up to {@code offset} (a line start); for editors without highlighting. */
    static LineStart scan(String text, int offset) {
        char[] chars = text.toCharArray();
        Lexer lexer = new Lexer(chars, 0, offset, LexerState.INITIAL);
        int depth = 0;
        while (lexer.position() < offset) {
            TokenKind kind = lexer.next();
            if (kind == TokenKind.L_BRACE) {
                depth++;
            } else if (kind == TokenKind.R_BRACE) {
                depth = Math.max(0, depth - 1);
            }
        }
        return new LineStart(lexer.state(), depth);
    }
}
