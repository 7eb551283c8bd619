package dev.armorbench.policy.syntax;

/** What a token is. Trivia (whitespace, newlines, comments, continuations) carries no meaning. */
public enum TokenKind {
    WHITESPACE,
    NEWLINE,
    COMMENT,
    /** A backslash-newline inside a variable assignment: the value goes on. */
    LINE_CONTINUATION,
    /** A name, path, glob, permission string or value. */
    WORD,
    /** A double-quoted string, quotes included. */
    QUOTED,
    /** A word that is a keyword where it stands (rule-specific words only inside their rule). */
    KEYWORD,
    /** {@code @{NAME}} on the left of an assignment. */
    VARIABLE,
    /** {@code ${NAME}}: a boolean variable. */
    BOOL_VARIABLE,
    L_BRACE,
    R_BRACE,
    L_PAREN,
    R_PAREN,
    COMMA,
    /** {@code =}, {@code +=}, {@code ?=}, {@code :=}. */
    ASSIGN,
    ARROW,
    /** {@code ==}, {@code !=}, {@code <}, {@code <=}, {@code >}, {@code >=} (also rlimit's {@code <=}). */
    COMPARE,
    CARET,
    /** {@code <path>} of an include or abi. */
    ANGLE_PATH,
    /** A character the language has no use for here. */
    BAD_CHAR;

    public boolean isTrivia() {
        return this == WHITESPACE || this == NEWLINE || this == COMMENT || this == LINE_CONTINUATION;
    }
}
