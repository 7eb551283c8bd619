package dev.armorbench.policy.syntax;

import java.util.Set;

/**
 * A hand-written, context-sensitive lexer over a char array, modelled on the start states of the
 * reference {@code parser_lex.l}. Every character lands in exactly one token; it never fails: what
 * it cannot place becomes {@link TokenKind#BAD_CHAR}.
 */
public final class Lexer {
    /** Words that are keywords between rules (the reference's keyword table). */
    private static final Set<String> TOP_KEYWORDS = Set.of(
            "abi", "include", "alias", "rewrite", "if", "else", "profile", "hat", "capability", "network",
            "unix", "dbus", "signal", "ptrace", "mount", "remount", "umount", "unmount", "pivot_root",
            "change_profile", "change_hat", "set", "rlimit", "link", "subset", "file", "owner", "user",
            "other", "audit", "deny", "allow", "prompt", "userns", "io_uring", "mqueue", "all", "priority",
            "safe", "unsafe", "defined", "not", "and", "or", "in");

    private final char[] text;
    private final int end;
    private int pos;
    private LexMode mode;
    private int parenDepth;
    private boolean inQuote;
    /** The previous significant token was an {@code =}: a value follows, lexed whole. */
    private boolean afterAssign;
    /** No significant token yet in this item: a variable assignment may start here. */
    private boolean itemStart = true;

    public Lexer(char[] text, int start, int end, LexerState state) {
        this.text = text;
        this.pos = start;
        this.end = end;
        this.mode = state.mode();
        this.parenDepth = state.parenDepth();
        this.inQuote = state.inQuote();
    }

    /** Lexes a whole text from the initial state. */
    public static Tokens lex(char[] text) {
        Tokens tokens = new Tokens();
        new Lexer(text, 0, text.length, LexerState.INITIAL).lexInto(tokens);
        return tokens;
    }

    /** The state at the current position; meaningful for restarting at a line boundary. */
    public LexerState state() {
        return new LexerState(mode, parenDepth, inQuote);
    }

    public int position() {
        return pos;
    }

    public void lexInto(Tokens tokens) {
        while (pos < end) {
            int start = pos;
            TokenKind kind = next();
            tokens.add(kind, start, pos);
        }
    }

    /** Lexes one token starting at {@link #position()} and returns its kind. */
    public TokenKind next() {
        if (inQuote) {
            return quotedRest();
        }
        char c = text[pos];
        if (c == ' ' || c == '\t' || c == '\f' || c == 0x0B) {
            while (pos < end && (text[pos] == ' ' || text[pos] == '\t' || text[pos] == '\f' || text[pos] == 0x0B)) {
                pos++;
            }
            return TokenKind.WHITESPACE;
        }
        if (c == '\r' && pos + 1 < end && text[pos + 1] == '\n' || c == '\n' || c == '\r') {
            pos += (c == '\r' && pos + 1 < end && text[pos + 1] == '\n') ? 2 : 1;
            if (mode == LexMode.ASSIGN) {
                mode = LexMode.TOP;
                itemStart = true;
            }
            return TokenKind.NEWLINE;
        }
        if (c == '\\' && mode == LexMode.ASSIGN && pos + 1 < end
                && (text[pos + 1] == '\n' || text[pos + 1] == '\r')) {
            pos += 2;
            if (text[pos - 1] == '\r' && pos < end && text[pos] == '\n') {
                pos++;
            }
            return TokenKind.LINE_CONTINUATION;
        }
        if (c == '#') {
            if (mode == LexMode.TOP && startsWith("#include") && (pos + 8 >= end || isBlank(text[pos + 8]))) {
                pos += 8;
                mode = LexMode.INCLUDE;
                return significant(TokenKind.KEYWORD);
            }
            while (pos < end && text[pos] != '\n' && text[pos] != '\r') {
                pos++;
            }
            return TokenKind.COMMENT;
        }
        if (c == '"') {
            pos++;
            return quotedRest();
        }
        switch (mode) {
            case INCLUDE:
            case ABI:
                if (c == '<') {
                    return anglePath();
                }
                break;
            default:
                break;
        }
        if (mode == LexMode.PROFILE_NAME && c != '!' && c != ',' && c != '{') {
            // The reference reads a profile's or hat's name as IDS, whatever it starts with:
            // 'profile (a {' names "(a", 'hat -> {' names "->". A '{' still opens the block, so
            // 'profile {' is reported as a missing name rather than as a block that never opens.
            afterAssign = false;
            return word(true);
        }
        boolean wasAfterAssign = afterAssign;
        afterAssign = false;
        if (mode == LexMode.ASSIGN && startsAssignedValue(c)
                || wasAfterAssign && (c == '{' || c == '^') || c == '{' && mode.endsAtComma() && mode != LexMode.ABI) {
            return word(true);
        }
        switch (c) {
            case '{':
                pos++;
                if (mode == LexMode.EXPR || mode == LexMode.PROFILE_NAME) {
                    mode = LexMode.TOP;
                }
                itemStart = true;
                return TokenKind.L_BRACE;
            case '}':
                pos++;
                itemStart = true;
                return TokenKind.R_BRACE;
            case '(':
                pos++;
                parenDepth++;
                return significant(TokenKind.L_PAREN);
            case ')':
                pos++;
                if (parenDepth > 0) {
                    parenDepth--;
                }
                return significant(TokenKind.R_PAREN);
            case ',':
                pos++;
                if (parenDepth == 0 && mode.endsAtComma()) {
                    mode = LexMode.TOP;
                }
                if (parenDepth == 0 && mode == LexMode.TOP) {
                    itemStart = true;
                    return TokenKind.COMMA;
                }
                return significant(TokenKind.COMMA);
            case '^':
                pos++;
                if (mode == LexMode.TOP) {
                    mode = LexMode.PROFILE_NAME;
                }
                return significant(TokenKind.CARET);
            case '=':
                if (peek(1) == '=') {
                    pos += 2;
                    return significant(TokenKind.COMPARE);
                }
                pos++;
                afterAssign = true;
                if (mode == LexMode.TOP && lastWasVariable) {
                    mode = LexMode.ASSIGN;
                }
                return significant(TokenKind.ASSIGN);
            case '+':
            case '?':
            case ':':
                if (peek(1) == '=') {
                    pos += 2;
                    afterAssign = true;
                    if (lastWasVariable) {
                        mode = LexMode.ASSIGN;
                    }
                    return significant(TokenKind.ASSIGN);
                }
                break;
            case '!':
                if (peek(1) == '=') {
                    pos += 2;
                    return significant(TokenKind.COMPARE);
                }
                pos++;
                return significant(TokenKind.BAD_CHAR);
            case '<':
            case '>':
                if (mode == LexMode.EXPR || mode == LexMode.RLIMIT) {
                    pos += peek(1) == '=' ? 2 : 1;
                    return significant(TokenKind.COMPARE);
                }
                if (c == '<' && mode == LexMode.TOP && itemStart) {
                    return anglePath();
                }
                break;
            case '-':
                if (peek(1) == '>' && !arrowStartsWord(wasAfterAssign)) {
                    pos += 2;
                    afterAssign = true;
                    if (mode == LexMode.TOP) {
                        mode = LexMode.PROFILE_NAME;
                    }
                    itemStart = false;
                    lastWasVariable = false;
                    return TokenKind.ARROW;
                }
                break;
            case '@':
                if (mode == LexMode.TOP && itemStart && assignmentFollowsVariable()) {
                    return significantVariable(TokenKind.VARIABLE);
                }
                break;
            case '$':
                if ((mode == LexMode.TOP || mode == LexMode.EXPR) && variableEnd() > pos + 1) {
                    pos = variableEnd();
                    if (mode == LexMode.TOP) {
                        lastWasVariable = true;
                        itemStart = false;
                        return TokenKind.BOOL_VARIABLE;
                    }
                    return significant(TokenKind.BOOL_VARIABLE);
                }
                break;
            default:
                break;
        }
        return word(wasAfterAssign);
    }

    private boolean lastWasVariable;

    /**
     * Whether the {@code ->} at pos begins a word rather than being an arrow, as in the reference
     * lexer, whose words may hold '-' and '>': in mount and change_profile rules when a word is
     * glued to it ({@code mount ->/b,} names a source "->/b", so {@code change_profile /x ->/y,}
     * is two words and an error), and in the values of signal, ptrace, unix and dbus conditions
     * ({@code signal peer=->x,}). Checked against apparmor_parser 3.0.8.
     */
    private boolean arrowStartsWord(boolean valuePosition) {
        switch (mode) {
            case MOUNT:
            case CHANGE_PROFILE:
                if (pos + 2 >= end) {
                    return false;
                }
                char next = text[pos + 2];
                return !isBlank(next) && next != '\n' && next != '\r' && next != '"' && next != ',';
            case SIGNAL:
            case PTRACE:
            case UNIX:
            case DBUS:
                return valuePosition;
            default:
                return false;
        }
    }

    private TokenKind significant(TokenKind kind) {
        itemStart = false;
        lastWasVariable = false;
        return kind;
    }

    private TokenKind significantVariable(TokenKind kind) {
        pos = variableEnd();
        itemStart = false;
        lastWasVariable = true;
        return kind;
    }

    /** The end of {@code @{NAME}}, {@code @NAME}, {@code ${NAME}} or {@code $NAME} at pos, or pos. */
    private int variableEnd() {
        int p = pos + 1;
        if (p < end && text[p] == '{') {
            int q = p + 1;
            while (q < end && isNameChar(text[q])) {
                q++;
            }
            return q < end && text[q] == '}' && q > p + 1 ? q + 1 : pos;
        }
        int q = p;
        while (q < end && isNameChar(text[q])) {
            q++;
        }
        return q > p && Character.isLetter(text[p]) ? q : pos;
    }

    private boolean assignmentFollowsVariable() {
        int q = variableEnd();
        if (q == pos) {
            return false;
        }
        // The reference skips line ends and comment lines between a variable and its '=' too.
        while (q < end && (isBlank(text[q]) || text[q] == '\n' || text[q] == '\r' || text[q] == '#')) {
            if (text[q] == '#') {
                while (q < end && text[q] != '\n') {
                    q++;
                }
            } else {
                q++;
            }
        }
        if (q >= end) {
            return false;
        }
        char c = text[q];
        return c == '=' && (q + 1 >= end || text[q + 1] != '=')
                || (c == '+' || c == '?' || c == ':') && q + 1 < end && text[q + 1] == '=';
    }

    private TokenKind quotedRest() {
        while (pos < end) {
            char c = text[pos];
            if (c == '\\' && pos + 1 < end) {
                pos += 2;
                continue;
            }
            pos++;
            if (c == '"') {
                inQuote = false;
                return finishValue(TokenKind.QUOTED);
            }
        }
        // The string runs on past this range (a line end for an editor, or the end of the file).
        inQuote = pos < text.length;
        return finishValue(TokenKind.QUOTED);
    }

    private TokenKind finishValue(TokenKind kind) {
        afterAssign = false;
        if (mode == LexMode.PROFILE_NAME) {
            mode = LexMode.TOP;
        } else if (mode == LexMode.INCLUDE) {
            mode = LexMode.TOP;
            itemStart = true;
            lastWasVariable = false;
            return kind;
        }
        return significant(kind);
    }

    private TokenKind anglePath() {
        int p = pos + 1;
        // The reference's <…> holds anything but '>', a tab or a line end (a space is allowed).
        while (p < end && text[p] != '>' && text[p] != '\n' && text[p] != '\r' && text[p] != '\t') {
            p++;
        }
        if (p < end && text[p] == '>') {
            pos = p + 1;
            return finishValue(TokenKind.ANGLE_PATH);
        }
        pos++;
        return significant(TokenKind.BAD_CHAR);
    }

    /** A word: path, glob, name or value. Which characters end it depends on how it begins. */
    private TokenKind word(boolean value) {
        int start = pos;
        char first = text[pos];
        boolean arrowWord = first == '-' && pos + 1 < end && text[pos + 1] == '>'; // see arrowStartsWord
        if (arrowWord) {
            pos += 2;
        }
        boolean pathLike = arrowWord || value || mode == LexMode.PROFILE_NAME || mode == LexMode.ASSIGN
                || mode == LexMode.INCLUDE || mode == LexMode.ABI
                || first == '/' || first == '@' || first == ':' || first == '&' || first == '*'
                || first == '[' || first == '?' || first == '~' || first == '\\';
        while (pos < end) {
            char c = text[pos];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '"' || c == '\f' || c == 0x0B) {
                break;
            }
            if (c == '\\') {
                if (pos + 1 < end && text[pos + 1] != '\n' && text[pos + 1] != '\r') {
                    pos += 2;
                    continue;
                }
                if (mode == LexMode.ASSIGN && pos > start) {
                    break;
                }
                pos++;
                continue;
            }
            if (c == '!') {
                break;
            }
            if (c == ',') {
                if (pathLike && parenDepth == 0 && pos + 1 < end && isIdChar(text[pos + 1])) {
                    pos++;
                    continue;
                }
                break;
            }
            if (c == ')' && parenDepth > 0) {
                break;
            }
            if (!pathLike && (c == '/' || c == '@' || c == '$') && mode == LexMode.TOP && parenDepth == 0
                    && gluedWordEndsAt(start, c)) {
                break;
            }
            if (!pathLike) {
                if (c == '=' || c == '(' || c == ')' || c == '{' || c == '}' || c == '<' || c == '>') {
                    break;
                }
                if (c == '-' && pos + 1 < end && text[pos + 1] == '>') {
                    break;
                }
                if ((c == '+' || c == '?' || c == ':') && pos + 1 < end && text[pos + 1] == '=') {
                    break;
                }
            } else if (mode == LexMode.ASSIGN || mode == LexMode.INCLUDE || mode == LexMode.ABI) {
                if (mode != LexMode.ASSIGN && (c == '<' || c == '>')) {
                    break;
                }
            }
            pos++;
        }
        if (pos == start) {
            pos++;
            return significant(TokenKind.BAD_CHAR);
        }
        return classify(start);
    }

    private TokenKind classify(int start) {
        switch (mode) {
            case PROFILE_NAME:
                mode = LexMode.TOP;
                return significant(TokenKind.WORD);
            case INCLUDE:
                if (isWord(start, "if") || isWord(start, "exists")) {
                    return significant(TokenKind.KEYWORD);
                }
                return finishValue(TokenKind.ANGLE_PATH);
            case ABI:
            case ASSIGN:
                return significant(TokenKind.WORD);
            case TOP:
                break;
            default:
                if (mode.isKeyword(new String(text, start, pos - start))) {
                    return significant(TokenKind.KEYWORD);
                }
                return significant(TokenKind.WORD);
        }
        if (!isKeywordShape(start)) {
            return significant(TokenKind.WORD);
        }
        String word = new String(text, start, pos - start);
        if (!TOP_KEYWORDS.contains(word)) {
            return significant(TokenKind.WORD);
        }
        switch (word) {
            case "include":
                mode = LexMode.INCLUDE;
                break;
            case "abi":
                mode = LexMode.ABI;
                break;
            case "if":
                mode = LexMode.EXPR;
                break;
            case "profile":
            case "hat":
                mode = LexMode.PROFILE_NAME;
                break;
            case "network":
                mode = LexMode.NETWORK;
                break;
            case "unix":
                mode = LexMode.UNIX;
                break;
            case "dbus":
                mode = LexMode.DBUS;
                break;
            case "signal":
                mode = LexMode.SIGNAL;
                break;
            case "ptrace":
                mode = LexMode.PTRACE;
                break;
            case "mount":
            case "remount":
            case "umount":
            case "unmount":
                mode = LexMode.MOUNT;
                break;
            case "change_profile":
                mode = LexMode.CHANGE_PROFILE;
                break;
            case "set":
                mode = LexMode.RLIMIT;
                break;
            case "mqueue":
                mode = LexMode.MQUEUE;
                break;
            case "userns":
                mode = LexMode.USERNS;
                break;
            case "io_uring":
                mode = LexMode.IO_URING;
                break;
            default:
                break;
        }
        return significant(TokenKind.KEYWORD);
    }

    /**
     * Whether the word {@code text[start, pos)} ends here, before a glued path or variable. The
     * reference lexes a run of letters, digits and '_' at a rule's start as one token whatever
     * follows ({VARIABLE_NAME}, then a keyword or an identifier), so {@code owner/a r,} and
     * {@code change_profile@{x} -> b,} are a keyword and a path, {@code foo/bar r,} two words (an
     * error there, not a relative path), and {@code if${B}} is 'if' and a boolean. Not include, abi
     * and if before a path, which the reference reads through rules of their own.
     */
    private boolean gluedWordEndsAt(int start, char next) {
        if (!isVariableNameShape(start)) {
            return false;
        }
        String word = new String(text, start, pos - start);
        if (next == '$') {
            return word.equals("if");
        }
        return !word.equals("include") && !word.equals("abi") && !word.equals("if");
    }

    /** The reference's {VARIABLE_NAME}: a letter, then letters, digits and '_'. */
    private boolean isVariableNameShape(int start) {
        if (pos == start || !(text[start] >= 'a' && text[start] <= 'z' || text[start] >= 'A' && text[start] <= 'Z')) {
            return false;
        }
        for (int i = start; i < pos; i++) {
            char c = text[i];
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private boolean isKeywordShape(int start) {
        for (int i = start; i < pos; i++) {
            char c = text[i];
            if (!(c >= 'a' && c <= 'z' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private boolean isWord(int start, String word) {
        if (pos - start != word.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (text[start + i] != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean startsWith(String s) {
        if (pos + s.length() > end) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (text[pos + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private char peek(int ahead) {
        return pos + ahead < end ? text[pos + ahead] : '\0';
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /**
     * Whether {@code c} at {@link #pos} starts a value of a variable assignment. apparmor_parser
     * lexes the values as IDS: runs of anything but blanks, quotes, '!' and a ',' that ends them, so
     * '(', '->', '{' or '^' are part of a value, not tokens of their own ({@code @{V}=/a (b} holds
     * "/a" and "(b"). A '#' is not here: it was read as a comment before, as AppArmor 4 reads it.
     */
    private boolean startsAssignedValue(char c) {
        if (c == ',') {
            return pos + 1 < end && isIdChar(text[pos + 1]);
        }
        return c != '!';
    }

    private static boolean isIdChar(char c) {
        return !(c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '"' || c == '!' || c == ',');
    }

    private static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }
}
