package dev.armorbench.policy.syntax;

/**
 * Everything the lexer needs to go on from a line boundary: an editor keeps one per line start and
 * re-lexes from the first changed line until the state at a line start matches the old one again.
 *
 * @param mode the start condition
 * @param parenDepth open parentheses (inside them commas separate values)
 * @param inQuote a quoted string runs over the line end
 */
public record LexerState(LexMode mode, int parenDepth, boolean inQuote) {
    public static final LexerState INITIAL = new LexerState(LexMode.TOP, 0, false);
}
