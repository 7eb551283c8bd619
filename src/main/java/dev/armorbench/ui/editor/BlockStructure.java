package dev.armorbench.ui.editor;

import dev.armorbench.policy.syntax.Lexer;
import dev.armorbench.policy.syntax.TokenKind;
import dev.armorbench.policy.syntax.Tokens;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the braces and parentheses of a text are, found with the policy lexer so that a brace in a
 * comment or a quoted path is not one: which bracket pairs with which, and which lines open a block
 * that spans more than one line (what folding folds).
 */
public final class BlockStructure {
    private final Map<Integer, Integer> partners;
    private final Map<Integer, Integer> foldableLines;

    private BlockStructure(Map<Integer, Integer> partners, Map<Integer, Integer> foldableLines) {
        this.partners = partners;
        this.foldableLines = foldableLines;
    }

    public static BlockStructure of(String text) {
        char[] chars = text.toCharArray();
        Tokens tokens = Lexer.lex(chars);
        Map<Integer, Integer> partners = new HashMap<>();
        Map<Integer, Integer> foldable = new HashMap<>();
        Deque<int[]> open = new ArrayDeque<>();
        int line = 0;
        for (int i = 0; i < tokens.size(); i++) {
            TokenKind kind = tokens.kind(i);
            int start = tokens.start(i);
            switch (kind) {
                case NEWLINE, COMMENT, QUOTED, LINE_CONTINUATION -> line += count(chars, start, tokens.end(i));
                case L_BRACE, L_PAREN -> open.push(new int[] {start, line, kind == TokenKind.L_BRACE ? 1 : 0});
                case R_BRACE, R_PAREN -> {
                    int wanted = kind == TokenKind.R_BRACE ? 1 : 0;
                    if (!open.isEmpty() && open.peek()[2] == wanted) {
                        int[] opening = open.pop();
                        partners.put(opening[0], start);
                        partners.put(start, opening[0]);
                        if (wanted == 1 && line > opening[1] && !foldable.containsKey(opening[1])) {
                            foldable.put(opening[1], line);
                        }
                    }
                }
                default -> line += count(chars, start, tokens.end(i));
            }
        }
        return new BlockStructure(partners, foldable);
    }

    private static int count(char[] chars, int start, int end) {
        int lines = 0;
        for (int i = start; i < end; i++) {
            if (chars[i] == '\n') {
                lines++;
            }
        }
        return lines;
    }

    /** The offset of the bracket that pairs with the one at {@code offset}, or -1. */
    public int partner(int offset) {
        return partners.getOrDefault(offset, -1);
    }

    /** Whether both have the same foldable blocks (what the gutter shows). */
    public boolean sameFoldableLines(BlockStructure other) {
        return other != null && foldableLines.equals(other.foldableLines);
    }

    /** The last line of the block opened on {@code line}, or -1 when no multi-line block opens there. */
    public int blockEnd(int line) {
        return foldableLines.getOrDefault(line, -1);
    }
}
