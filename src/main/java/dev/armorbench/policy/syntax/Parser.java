package dev.armorbench.policy.syntax;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Builds the lossless tree from the tokens. It decides only the shape (which tokens form an
 * include, a rule, a profile, a block); what a rule means is read later from its node. Every loop
 * consumes a token, so it always ends; text it cannot place becomes an {@link SyntaxKind#ERROR}
 * node and parsing goes on at the next {@code ,}, {@code }} or line.
 */
final class Parser {
    private final String text;
    private final Tokens tokens;
    private final int count;
    private int index;
    private final Deque<List<SyntaxElement>> open = new ArrayDeque<>();
    private final Deque<SyntaxKind> openKinds = new ArrayDeque<>();

    Parser(String text) {
        this.text = text;
        this.tokens = Lexer.lex(text.toCharArray());
        this.count = tokens.size();
    }

    SyntaxTree parse() {
        start(SyntaxKind.SOURCE_FILE);
        items(false);
        while (index < count) {
            bump();
        }
        return new SyntaxTree(text, finish(0));
    }

    private void items(boolean inBlock) {
        while (true) {
            bumpTrivia();
            if (index >= count) {
                return;
            }
            TokenKind kind = tokens.kind(index);
            if (kind == TokenKind.R_BRACE) {
                if (inBlock) {
                    return;
                }
                start(SyntaxKind.ERROR);
                bump();
                finishInto();
                continue;
            }
            item();
        }
    }

    private void item() {
        TokenKind kind = tokens.kind(index);
        if (kind == TokenKind.KEYWORD) {
            String word = tokenText(index);
            switch (word) {
                case "abi":
                case "alias":
                case "rewrite":
                    untilComma(word.equals("abi") ? SyntaxKind.ABI : SyntaxKind.ALIAS);
                    return;
                case "include":
                case "#include":
                    include();
                    return;
                case "if":
                    conditional();
                    return;
                case "else":
                    start(SyntaxKind.ERROR);
                    bump();
                    finishInto();
                    return;
                default:
                    break;
            }
        }
        if (kind == TokenKind.VARIABLE || kind == TokenKind.BOOL_VARIABLE) {
            start(kind == TokenKind.VARIABLE ? SyntaxKind.VARIABLE_ASSIGNMENT : SyntaxKind.BOOL_ASSIGNMENT);
            // An assignment ends at the line end after its '='; before it, as the reference reads
            // '@{V}' and '=' on lines of their own, line ends and comments belong to it.
            boolean assigned = kind == TokenKind.BOOL_VARIABLE;
            bump();
            while (index < count && !(assigned && tokens.kind(index) == TokenKind.NEWLINE)) {
                TokenKind next = tokens.kind(index);
                if (!assigned && next != TokenKind.NEWLINE && next != TokenKind.WHITESPACE && next != TokenKind.COMMENT) {
                    assigned = true; // the '=', or whatever stands in its place
                }
                bump();
            }
            finishInto();
            return;
        }
        if (kind == TokenKind.COMMA) {
            start(SyntaxKind.ERROR);
            bump();
            finishInto();
            return;
        }
        TokenKind stop = scanToStop();
        if (stop == TokenKind.L_BRACE) {
            start(headerIsQualifiers() ? SyntaxKind.QUALIFIER_BLOCK : SyntaxKind.PROFILE);
            while (tokens.kind(index) != TokenKind.L_BRACE) {
                bump();
            }
            block();
            finishInto();
            return;
        }
        untilComma(SyntaxKind.RULE);
    }

    /** The first of {@code , { }} at paren depth zero ahead, or null at the end. */
    private TokenKind scanToStop() {
        int depth = 0;
        for (int i = index; i < count; i++) {
            TokenKind kind = tokens.kind(i);
            if (kind == TokenKind.L_PAREN) {
                depth++;
            } else if (kind == TokenKind.R_PAREN) {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && (kind == TokenKind.COMMA || kind == TokenKind.L_BRACE || kind == TokenKind.R_BRACE)) {
                return kind;
            } else if (kind == TokenKind.KEYWORD && i > index && isItemKeyword(tokenText(i))) {
                return null;
            }
        }
        return null;
    }

    private boolean isItemKeyword(String word) {
        return word.equals("include") || word.equals("#include") || word.equals("abi");
    }

    private boolean headerIsQualifiers() {
        for (int i = index; tokens.kind(i) != TokenKind.L_BRACE; i++) {
            TokenKind kind = tokens.kind(i);
            if (kind.isTrivia() || kind == TokenKind.ASSIGN) {
                continue;
            }
            String word = tokenText(i);
            if (kind == TokenKind.KEYWORD && (word.equals("audit") || word.equals("deny") || word.equals("allow")
                    || word.equals("owner") || word.equals("prompt") || word.equals("user") || word.equals("other")
                    || word.equals("priority"))) {
                continue;
            }
            if (kind == TokenKind.WORD && i > index && tokens.kind(previousSignificant(i)) == TokenKind.ASSIGN) {
                continue;
            }
            return false;
        }
        return true;
    }

    private int previousSignificant(int i) {
        int j = i - 1;
        while (j > index && tokens.kind(j).isTrivia()) {
            j--;
        }
        return j;
    }

    private void untilComma(SyntaxKind kind) {
        start(kind);
        int depth = 0;
        while (index < count) {
            TokenKind k = tokens.kind(index);
            if (k == TokenKind.L_PAREN) {
                depth++;
            } else if (k == TokenKind.R_PAREN) {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && k == TokenKind.R_BRACE) {
                break;
            } else if (depth == 0 && k == TokenKind.COMMA) {
                bump();
                break;
            } else if (k == TokenKind.KEYWORD && isItemKeyword(tokenText(index)) && !open.peek().isEmpty()) {
                break;
            }
            bump();
        }
        finishInto();
    }

    private void include() {
        start(SyntaxKind.INCLUDE);
        bump();
        while (index < count) {
            TokenKind k = tokens.kind(index);
            if (k == TokenKind.NEWLINE && lastSignificantIsPath()) {
                break;
            }
            if (k.isTrivia()) {
                bump();
                continue;
            }
            if (k == TokenKind.KEYWORD && (tokenText(index).equals("if") || tokenText(index).equals("exists"))) {
                bump();
                continue;
            }
            if (k == TokenKind.ANGLE_PATH || k == TokenKind.QUOTED) {
                bump();
                break;
            }
            break;
        }
        finishInto();
    }

    private boolean lastSignificantIsPath() {
        List<SyntaxElement> current = open.peek();
        for (int i = current.size() - 1; i >= 0; i--) {
            if (current.get(i) instanceof SyntaxToken token && !token.kind().isTrivia()) {
                return token.kind() == TokenKind.ANGLE_PATH || token.kind() == TokenKind.QUOTED;
            }
        }
        return false;
    }

    private void conditional() {
        start(SyntaxKind.CONDITIONAL);
        bump();
        start(SyntaxKind.CONDITION);
        while (index < count && tokens.kind(index) != TokenKind.L_BRACE && tokens.kind(index) != TokenKind.R_BRACE
                && tokens.kind(index) != TokenKind.COMMA) {
            bump();
        }
        finishInto();
        if (index < count && tokens.kind(index) == TokenKind.L_BRACE) {
            block();
            int save = index;
            int saveSize = open.peek().size();
            bumpTrivia();
            if (index < count && tokens.kind(index) == TokenKind.KEYWORD && tokenText(index).equals("else")) {
                bump();
                bumpTrivia();
                if (index < count && tokens.kind(index) == TokenKind.KEYWORD && tokenText(index).equals("if")) {
                    conditional();
                } else if (index < count && tokens.kind(index) == TokenKind.L_BRACE) {
                    block();
                }
            } else {
                // Trivia after the block belongs to the enclosing list, not to the conditional.
                List<SyntaxElement> current = open.peek();
                while (current.size() > saveSize) {
                    current.remove(current.size() - 1);
                }
                index = save;
            }
        }
        finishInto();
    }

    private void block() {
        start(SyntaxKind.BLOCK);
        bump();
        items(true);
        if (index < count && tokens.kind(index) == TokenKind.R_BRACE) {
            bump();
        }
        finishInto();
    }

    private void bumpTrivia() {
        while (index < count && tokens.kind(index).isTrivia()) {
            bump();
        }
    }

    private void bump() {
        open.peek().add(new SyntaxToken(tokens.kind(index), tokens.start(index), tokens.end(index)));
        index++;
    }

    private String tokenText(int i) {
        return text.substring(tokens.start(i), tokens.end(i));
    }

    private void start(SyntaxKind kind) {
        open.push(new ArrayList<>());
        openKinds.push(kind);
    }

    private void finishInto() {
        SyntaxNode node = finish(-1);
        open.peek().add(node);
    }

    private SyntaxNode finish(int fallbackStart) {
        List<SyntaxElement> children = open.pop();
        SyntaxKind kind = openKinds.pop();
        int start;
        int end;
        if (children.isEmpty()) {
            start = end = index < count ? tokens.start(index) : text.length();
        } else {
            start = children.get(0).start();
            end = children.get(children.size() - 1).end();
        }
        return new SyntaxNode(kind, children, fallbackStart == 0 ? 0 : start, fallbackStart == 0 ? text.length() : end);
    }
}
