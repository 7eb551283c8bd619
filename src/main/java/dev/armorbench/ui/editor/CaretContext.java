package dev.armorbench.ui.editor;

import dev.armorbench.policy.syntax.LexMode;
import dev.armorbench.policy.syntax.Lexer;
import dev.armorbench.policy.syntax.LexerState;
import dev.armorbench.policy.syntax.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the caret is in, read by the policy lexer from the start of the caret's line: which kind of
 * word belongs there (a keyword, a capability, a flag, an include target…) and the partial word the
 * user has typed so far. Pure: completion and tests call it with a line, a column and where the line
 * begins.
 *
 * @param kind what belongs at the caret
 * @param mode the rule whose words belong there, for {@link Kind#RULE_WORD}
 * @param wordStart column where the partial word begins (completion replaces from here)
 * @param wordEnd column where the word under the caret ends
 * @param prefix the part of the word before the caret
 */
public record CaretContext(Kind kind, LexMode mode, int wordStart, int wordEnd, String prefix) {
    public enum Kind {
        /** Nothing completion can offer (inside a path, a comment, a string). */
        NONE,
        /** Between rules in the preamble. */
        PREAMBLE_KEYWORD,
        /** Where a rule or block begins inside a profile. */
        RULE_KEYWORD,
        /** After qualifiers ({@code deny}, {@code audit}, {@code owner}): a rule keyword follows. */
        QUALIFIED_RULE_KEYWORD,
        CAPABILITY,
        /** Network family, socket type, protocol or permission. */
        NETWORK,
        /** A word of another rule kind (signal, ptrace, dbus, unix, mount, mqueue…). */
        RULE_WORD,
        SIGNAL,
        RLIMIT,
        PROFILE_FLAG,
        /** File permissions or an exec mode after a path. */
        PERMISSION,
        /** The target of {@code include <…>}. */
        INCLUDE,
        /** A {@code @{name}} reference. */
        VARIABLE,
        /** A profile name after {@code ->}. */
        PROFILE_TARGET
    }

    private static final Set<String> QUALIFIER_WORDS = Set.of("audit", "deny", "allow", "owner", "user", "other",
            "prompt");

    private record Token(TokenKind kind, int start, int end, String text, LexerState before) {
    }

    /**
     * @param line the caret's line
     * @param column the caret's column in it
     * @param start where the line begins
     */
    public static CaretContext at(String line, int column, LineStart start) {
        char[] chars = line.toCharArray();
        Lexer lexer = new Lexer(chars, 0, column, start.state());
        List<Token> item = new ArrayList<>();
        int depth = start.braceDepth();
        Token last = null;
        while (lexer.position() < column) {
            LexerState before = lexer.state();
            int tokenStart = lexer.position();
            TokenKind kind = lexer.next();
            Token token = new Token(kind, tokenStart, lexer.position(), line.substring(tokenStart, lexer.position()),
                    before);
            last = token;
            if (kind.isTrivia()) {
                continue;
            }
            item.add(token);
            switch (kind) {
                case L_BRACE -> {
                    depth++;
                    item.clear();
                }
                case R_BRACE -> {
                    depth = Math.max(0, depth - 1);
                    item.clear();
                }
                case COMMA -> {
                    LexerState after = lexer.state();
                    if (after.mode() == LexMode.TOP && after.parenDepth() == 0) {
                        item.clear();
                    }
                }
                default -> { }
            }
        }
        if (last != null && last.kind() == TokenKind.COMMENT || start.state().inQuote() && last == null) {
            return none(column);
        }
        // The partial word: the token that ends at the caret, if it is a word.
        Token partial = null;
        if (last != null && last.end() == column && !item.isEmpty() && item.get(item.size() - 1) == last
                && (last.kind() == TokenKind.WORD || last.kind() == TokenKind.KEYWORD
                        || last.kind() == TokenKind.ANGLE_PATH || last.kind() == TokenKind.VARIABLE)) {
            partial = last;
            item.remove(item.size() - 1);
        }
        LexerState state = partial != null ? partial.before() : lexer.state();
        int wordStart = partial != null ? partial.start() : column;
        String prefix = partial != null ? partial.text() : "";

        // A variable reference being typed, anywhere a word may hold one.
        int variable = prefix.lastIndexOf("@{");
        if (variable >= 0 && prefix.indexOf('}', variable) < 0) {
            int begin = wordStart + variable;
            return new CaretContext(Kind.VARIABLE, state.mode(), begin, variableEnd(line, column), line.substring(begin, column));
        }
        if (!item.isEmpty() && item.get(item.size() - 1).kind() == TokenKind.BAD_CHAR
                && item.get(item.size() - 1).text().equals("<") && partial == null
                || partial != null && partial.kind() == TokenKind.ANGLE_PATH) {
            if (prefix.startsWith("<")) {
                wordStart++;
                prefix = prefix.substring(1);
            }
            if (prefix.endsWith(">")) {
                return none(column);
            }
            return new CaretContext(Kind.INCLUDE, state.mode(), wordStart, includeEnd(line, column), prefix);
        }
        int wordEnd = wordEnd(line, column);
        if (hasSequence(item, "flags", state)) {
            return new CaretContext(Kind.PROFILE_FLAG, state.mode(), wordStart, wordEnd, prefix);
        }
        if (item.stream().anyMatch(token -> token.kind() == TokenKind.ARROW)) {
            return new CaretContext(Kind.PROFILE_TARGET, state.mode(), wordStart, wordEnd, prefix);
        }
        Kind kind = switch (state.mode()) {
            case NETWORK -> Kind.NETWORK;
            case SIGNAL -> hasSequence(item, "set", state) ? Kind.SIGNAL : Kind.RULE_WORD;
            case RLIMIT -> item.stream().anyMatch(t -> t.text().equals("rlimit")) ? Kind.RLIMIT : Kind.RULE_WORD;
            case PTRACE, DBUS, UNIX, MOUNT, MQUEUE, CHANGE_PROFILE, USERNS, IO_URING -> state.parenDepth() == 0
                    ? Kind.RULE_WORD : Kind.NONE;
            case TOP -> topLevel(item, depth, prefix);
            default -> Kind.NONE;
        };
        return new CaretContext(kind, state.mode(), wordStart, wordEnd, prefix);
    }

    private static Kind topLevel(List<Token> item, int depth, String prefix) {
        boolean onlyQualifiers = true;
        boolean path = false;
        String ruleKeyword = null;
        for (Token token : item) {
            boolean qualifier = token.kind() == TokenKind.KEYWORD && QUALIFIER_WORDS.contains(token.text())
                    || token.text().startsWith("priority") || token.kind() == TokenKind.ASSIGN && onlyQualifiers;
            if (!qualifier) {
                onlyQualifiers = false;
            }
            if (token.kind() == TokenKind.KEYWORD && !qualifier && ruleKeyword == null) {
                ruleKeyword = token.text();
            }
            if (token.kind() == TokenKind.QUOTED || token.kind() == TokenKind.WORD
                    && (token.text().startsWith("/") || token.text().startsWith("@{"))) {
                path = true;
            }
        }
        if (item.isEmpty()) {
            return depth == 0 ? Kind.PREAMBLE_KEYWORD : Kind.RULE_KEYWORD;
        }
        if (onlyQualifiers) {
            return Kind.QUALIFIED_RULE_KEYWORD;
        }
        if ("capability".equals(ruleKeyword)) {
            return Kind.CAPABILITY;
        }
        if (path && (ruleKeyword == null || "file".equals(ruleKeyword)) && TokenStyles.isPermissions(prefix + "r")) {
            return Kind.PERMISSION;
        }
        return Kind.NONE;
    }

    /** Whether the item has {@code word = (} with that parenthesis still open at the caret. */
    private static boolean hasSequence(List<Token> item, String word, LexerState now) {
        for (int i = 0; i + 2 < item.size(); i++) {
            if (item.get(i).text().equals(word) && item.get(i + 1).kind() == TokenKind.ASSIGN
                    && item.get(i + 2).kind() == TokenKind.L_PAREN) {
                int depthInside = item.get(i + 2).before().parenDepth() + 1;
                return now.parenDepth() >= depthInside;
            }
        }
        return false;
    }

    private static CaretContext none(int column) {
        return new CaretContext(Kind.NONE, LexMode.TOP, column, column, "");
    }

    private static int wordEnd(String line, int column) {
        int end = column;
        while (end < line.length() && (Character.isLetterOrDigit(line.charAt(end)) || line.charAt(end) == '_'
                || line.charAt(end) == '.')) {
            end++;
        }
        return end;
    }

    private static int variableEnd(String line, int column) {
        int end = column;
        while (end < line.length() && (Character.isLetterOrDigit(line.charAt(end)) || line.charAt(end) == '_')) {
            end++;
        }
        return end < line.length() && line.charAt(end) == '}' ? end + 1 : end;
    }

    private static int includeEnd(String line, int column) {
        int end = column;
        while (end < line.length() && line.charAt(end) != '>' && !Character.isWhitespace(line.charAt(end))) {
            end++;
        }
        return end;
    }
}
