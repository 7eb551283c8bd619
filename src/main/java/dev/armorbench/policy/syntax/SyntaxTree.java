package dev.armorbench.policy.syntax;

/** A parsed text and its lossless tree. */
public final class SyntaxTree {
    private final String text;
    private final SyntaxNode root;

    SyntaxTree(String text, SyntaxNode root) {
        this.text = text;
        this.root = root;
    }

    /** Parses any text; never throws. */
    public static SyntaxTree parse(String text) {
        return new Parser(text).parse();
    }

    public String text() {
        return text;
    }

    public SyntaxNode root() {
        return root;
    }

    public String text(SyntaxElement element) {
        return text.substring(element.start(), element.end());
    }

    /** Prints the tree from its tokens: the input, byte for byte. */
    public String print() {
        StringBuilder out = new StringBuilder(text.length());
        print(root, out);
        return out.toString();
    }

    private void print(SyntaxNode node, StringBuilder out) {
        for (SyntaxElement child : node.children()) {
            if (child instanceof SyntaxNode inner) {
                print(inner, out);
            } else {
                out.append(text, child.start(), child.end());
            }
        }
    }
}
