package dev.armorbench.policy.syntax;

/** A node or a token of the lossless tree; offsets are char offsets into the source text. */
public sealed interface SyntaxElement permits SyntaxNode, SyntaxToken {
    int start();

    int end();
}
