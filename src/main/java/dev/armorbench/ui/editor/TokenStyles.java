package dev.armorbench.ui.editor;

import dev.armorbench.policy.syntax.Lexer;
import dev.armorbench.policy.syntax.LexerState;
import dev.armorbench.policy.syntax.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns one line's tokens from the policy lexer into highlighting style classes. The lexer decides
 * what is a keyword where (so {@code send} is a keyword only inside its rule); this class adds the
 * meaning a reader cares about on top: paths, permissions, exec modes (unconfined ones marked
 * dangerous), capability names, qualifiers, targets.
 *
 * <p>Pure and thread-safe: it runs on the highlighting thread.
 */
public final class TokenStyles {
    private static final Set<String> QUALIFIERS = Set.of("allow", "owner", "user", "other", "priority", "prompt");
    private static final Set<String> UNCONFINED_EXEC = Set.of("ux", "Ux", "pux", "PUx", "cux", "CUx", "uX");

    private TokenStyles() {
    }

    /** One styled run of a line: its length and its style class (empty for plain text). */
    public record Span(int length, String styleClass) {
    }

    /** The spans of a line and the lexer state at the start of the next line. */
    public record StyledLine(List<Span> spans, LexerState endState) {
    }

    /**
     * Lexes {@code line} (its text including the line break, if any) from {@code state}.
     */
    public static StyledLine style(char[] text, int start, int end, LexerState state) {
        Lexer lexer = new Lexer(text, start, end, state);
        List<Span> spans = new ArrayList<>();
        LineContext context = new LineContext();
        while (lexer.position() < end) {
            int tokenStart = lexer.position();
            TokenKind kind = lexer.next();
            int tokenEnd = lexer.position();
            addToken(spans, text, tokenStart, tokenEnd, kind, context);
        }
        return new StyledLine(spans, lexer.state());
    }

    private static void addToken(List<Span> spans, char[] text, int start, int end, TokenKind kind, LineContext context) {
        String word = kind == TokenKind.WORD || kind == TokenKind.KEYWORD ? new String(text, start, end - start) : null;
        String style = switch (kind) {
            case COMMENT -> "comment";
            case QUOTED -> context.pathLike() ? "path" : "string";
            case KEYWORD -> keywordStyle(word);
            case VARIABLE, BOOL_VARIABLE -> "variable";
            case ANGLE_PATH -> "include-path";
            case BAD_CHAR -> "bad-char";
            case L_BRACE, R_BRACE, L_PAREN, R_PAREN -> "brace";
            case ARROW -> "arrow";
            case COMMA, CARET, ASSIGN, COMPARE -> "punctuation";
            case WORD -> wordStyle(word, context);
            default -> "";
        };
        if (kind == TokenKind.WORD && ("path".equals(style) || "target".equals(style))) {
            addWithVariables(spans, text, start, end, style);
        } else {
            add(spans, end - start, style);
        }
        context.after(kind, word, style);
    }

    private static String keywordStyle(String keyword) {
        if ("deny".equals(keyword)) {
            return "qualifier-deny";
        }
        if ("audit".equals(keyword)) {
            return "qualifier-audit";
        }
        return QUALIFIERS.contains(keyword) ? "qualifier" : "keyword";
    }

    private static String wordStyle(String word, LineContext context) {
        if (context.afterArrow) {
            return "target";
        }
        if (context.expectName) {
            return "profile-name";
        }
        if (context.inFlags) {
            return "flag";
        }
        if ("capability".equals(context.ruleKeyword)) {
            return "capability";
        }
        if (word.startsWith("/") || word.startsWith("@{") || word.startsWith("**")) {
            return "path";
        }
        if (word.startsWith("flags=") || word.startsWith("xattrs=")
                || ("flags".equals(word) || "xattrs".equals(word))
                        && ("profile".equals(context.ruleKeyword) || "hat".equals(context.ruleKeyword))) {
            return "keyword";
        }
        if (context.afterPath && context.ruleKeyword == null && isPermissions(word)) {
            return execStyle(word);
        }
        if (context.ruleKeyword == null && !context.afterPath && isPermissions(word)) {
            // The PERMS PATH order (`rw /etc/x,`) or a bare exec mode.
            return execStyle(word);
        }
        int equals = word.indexOf('=');
        if (equals > 0) {
            return "condition";
        }
        return "";
    }

    private static String execStyle(String permissions) {
        for (String unconfined : UNCONFINED_EXEC) {
            if (permissions.contains(unconfined)) {
                return "exec-unconfined";
            }
        }
        return permissions.indexOf('x') >= 0 || permissions.indexOf('X') >= 0 ? "exec" : "permission";
    }

    static boolean isPermissions(String word) {
        if (word.isEmpty()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if ("rwaklmixpcuPCUIX".indexOf(word.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Marks the {@code @{name}} parts of a path as variables. */
    private static void addWithVariables(List<Span> spans, char[] text, int start, int end, String style) {
        int runStart = start;
        int i = start;
        while (i < end) {
            if (text[i] == '@' && i + 1 < end && text[i + 1] == '{') {
                int close = i + 2;
                while (close < end && text[close] != '}') {
                    close++;
                }
                if (close < end) {
                    add(spans, i - runStart, style);
                    add(spans, close + 1 - i, "variable");
                    i = close + 1;
                    runStart = i;
                    continue;
                }
            }
            i++;
        }
        add(spans, end - runStart, style);
    }

    private static void add(List<Span> spans, int length, String style) {
        if (length <= 0) {
            return;
        }
        if (!spans.isEmpty() && spans.get(spans.size() - 1).styleClass().equals(style)) {
            Span last = spans.remove(spans.size() - 1);
            spans.add(new Span(last.length() + length, style));
        } else {
            spans.add(new Span(length, style));
        }
    }

    /** What came before on this line, so a word can be read in its place. */
    private static final class LineContext {
        String ruleKeyword;
        boolean afterPath;
        boolean afterArrow;
        boolean expectName;
        boolean inFlags;
        boolean flagsNext;
        int parens;

        boolean pathLike() {
            return ruleKeyword == null || afterArrow;
        }

        void after(TokenKind kind, String word, String style) {
            if (kind.isTrivia()) {
                return;
            }
            switch (kind) {
                case KEYWORD -> {
                    expectName = "profile".equals(word) || "hat".equals(word);
                    if (!style.startsWith("qualifier") && !"file".equals(word)) {
                        ruleKeyword = word;
                    }
                }
                case WORD -> {
                    expectName = false;
                    if ("path".equals(style) || "QUOTED".equals(style)) {
                        afterPath = true;
                    }
                    if (word.startsWith("flags=") || word.startsWith("xattrs=")) {
                        inFlags = true;
                    }
                    // The lexer gives `flags=(` as the word, `=` and `(`: the list opens at the parenthesis.
                    flagsNext = "keyword".equals(style) && ("flags".equals(word) || "xattrs".equals(word));
                }
                case QUOTED -> {
                    expectName = false;
                    afterPath = true;
                }
                case CARET -> expectName = true;
                case ARROW -> afterArrow = true;
                case L_PAREN -> {
                    parens++;
                    if (flagsNext) {
                        inFlags = true;
                        flagsNext = false;
                    }
                }
                case ASSIGN -> { }
                case R_PAREN -> {
                    parens--;
                    if (parens <= 0) {
                        inFlags = false;
                    }
                }
                case COMMA -> {
                    if (parens == 0) {
                        ruleKeyword = null;
                        afterPath = false;
                        afterArrow = false;
                    }
                }
                case L_BRACE, R_BRACE -> {
                    ruleKeyword = null;
                    afterPath = false;
                    afterArrow = false;
                    inFlags = false;
                }
                default -> expectName = false;
            }
        }
    }
}
