package dev.armorbench.policy.syntax;

/** The kind of an untyped syntax node. */
public enum SyntaxKind {
    SOURCE_FILE,
    ABI,
    INCLUDE,
    VARIABLE_ASSIGNMENT,
    BOOL_ASSIGNMENT,
    ALIAS,
    /** {@code if COND { } else …}. */
    CONDITIONAL,
    CONDITION,
    PROFILE,
    /** {@code audit { … }}, {@code deny { … }}, {@code owner { … }}. */
    QUALIFIER_BLOCK,
    BLOCK,
    RULE,
    /** Text the parser could not place; parsing resumed after it. */
    ERROR
}
