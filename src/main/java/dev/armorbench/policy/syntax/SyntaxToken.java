package dev.armorbench.policy.syntax;

/** A leaf of the tree: a token's kind and its range in the source. */
public record SyntaxToken(TokenKind kind, int start, int end) implements SyntaxElement {
}
