package dev.armorbench.policy.syntax;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** An untyped inner node: a kind and its children, in source order, trivia included. */
public final class SyntaxNode implements SyntaxElement {
    private final SyntaxKind kind;
    private final List<SyntaxElement> children;
    private final int start;
    private final int end;

    SyntaxNode(SyntaxKind kind, List<SyntaxElement> children, int start, int end) {
        this.kind = kind;
        this.children = Collections.unmodifiableList(children);
        this.start = start;
        this.end = end;
    }

    public SyntaxKind kind() {
        return kind;
    }

    public List<SyntaxElement> children() {
        return children;
    }

    @Override
    public int start() {
        return start;
    }

    @Override
    public int end() {
        return end;
    }

    /** The direct child tokens that are not trivia. */
    public List<SyntaxToken> significantTokens() {
        List<SyntaxToken> tokens = new ArrayList<>();
        for (SyntaxElement child : children) {
            if (child instanceof SyntaxToken token && !token.kind().isTrivia()) {
                tokens.add(token);
            }
        }
        return tokens;
    }

    public List<SyntaxNode> childNodes() {
        List<SyntaxNode> nodes = new ArrayList<>();
        for (SyntaxElement child : children) {
            if (child instanceof SyntaxNode node) {
                nodes.add(node);
            }
        }
        return nodes;
    }

    /** The first direct child node of a kind, or null. */
    public SyntaxNode child(SyntaxKind wanted) {
        for (SyntaxElement child : children) {
            if (child instanceof SyntaxNode node && node.kind == wanted) {
                return node;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return kind + "@" + start + ".." + end;
    }
}
