package dev.armorbench.policy.check;

import dev.armorbench.policy.syntax.SyntaxToken;
import dev.armorbench.policy.syntax.TokenKind;
import java.util.ArrayList;
import java.util.List;
import dev.armorbench.policy.check.Element.Atom;

/** Groups a rule's significant tokens into {@link Element}s; reports what does not fit. */
final class ElementReader {
    private final String text;
    private final List<SyntaxToken> tokens;
    private final Reporter reporter;
    private int index;
    boolean failed;

    ElementReader(String text, List<SyntaxToken> tokens, int from, Reporter reporter) {
        this.text = text;
        this.tokens = tokens;
        this.index = from;
        this.reporter = reporter;
    }

    List<Element> readAll() {
        List<Element> elements = new ArrayList<>();
        while (index < tokens.size()) {
            Element element = next(false);
            if (element != null) {
                elements.add(element);
            }
        }
        return elements;
    }

    private Element next(boolean inList) {
        SyntaxToken token = tokens.get(index);
        TokenKind kind = token.kind();
        SyntaxToken following = index + 1 < tokens.size() ? tokens.get(index + 1) : null;
        if ((kind == TokenKind.WORD || kind == TokenKind.KEYWORD) && following != null
                && (following.kind() == TokenKind.ASSIGN && (text(following).equals("=") || text(following).equals(":="))
                    || following.kind() == TokenKind.KEYWORD && text(following).equals("in"))) {
            String operator = text(following);
            index += 2;
            return pairValue(text(token), operator, token.start(), following.end());
        }
        if (kind == TokenKind.L_PAREN) {
            index++;
            List<Atom> values = new ArrayList<>();
            int end = token.end();
            while (index < tokens.size() && tokens.get(index).kind() != TokenKind.R_PAREN) {
                SyntaxToken inner = tokens.get(index);
                if (inner.kind() == TokenKind.COMMA) {
                    index++;
                    continue;
                }
                Atom atom = atom(inner);
                if (atom == null) {
                    bad(inner);
                    index++;
                    continue;
                }
                values.add(atom);
                end = inner.end();
                index++;
            }
            if (index < tokens.size()) {
                end = tokens.get(index).end();
                index++;
            } else {
                fail("unclosed-paren", "add the missing ')'", token.start(), end);
            }
            return new Element.Group(values, token.start(), end);
        }
        if (kind == TokenKind.ARROW) {
            index++;
            if (index < tokens.size()) {
                Atom target = atom(tokens.get(index));
                if (target != null) {
                    index++;
                    return new Element.Arrow(target, token.start(), target.end());
                }
            }
            fail("missing-target", "write a target after '->'", token.start(), token.end());
            return null;
        }
        Atom atom = atom(token);
        index++;
        if (atom == null) {
            bad(token);
        }
        return atom;
    }

    private Element pairValue(String key, String operator, int start, int operatorEnd) {
        if (index >= tokens.size()) {
            fail("missing-value", "write a value after '" + key + operator + "'", start, operatorEnd);
            return null;
        }
        SyntaxToken token = tokens.get(index);
        if (token.kind() == TokenKind.L_PAREN) {
            index++;
            List<Atom> values = new ArrayList<>();
            List<Element> nested = new ArrayList<>();
            int end = token.end();
            while (index < tokens.size() && tokens.get(index).kind() != TokenKind.R_PAREN) {
                SyntaxToken inner = tokens.get(index);
                if (inner.kind() == TokenKind.COMMA) {
                    index++;
                    continue;
                }
                Element element = next(true);
                if (element instanceof Atom atom) {
                    values.add(atom);
                } else if (element != null) {
                    nested.add(element);
                }
                if (element != null) {
                    end = element.end();
                }
            }
            if (index < tokens.size()) {
                end = tokens.get(index).end();
                index++;
            } else {
                fail("unclosed-paren", "add the missing ')'", token.start(), end);
            }
            return new Element.Pair(key, operator, values, nested, true, start, end);
        }
        if (operator.equals("in")) {
            fail("in-needs-list", "write 'in (value …)' with a parenthesized list", start, token.end());
            return null;
        }
        Atom atom = atom(token);
        if (atom == null) {
            fail("missing-value", "write a value after '" + key + "='", start, operatorEnd);
            return null;
        }
        index++;
        return new Element.Pair(key, operator, List.of(atom), List.of(), false, start, atom.end());
    }

    private Atom atom(SyntaxToken token) {
        switch (token.kind()) {
            case WORD:
                return new Atom(text(token), false, false, token.start(), token.end());
            case KEYWORD:
                return new Atom(text(token), true, false, token.start(), token.end());
            case QUOTED:
                return new Atom(unquote(text(token)), false, true, token.start(), token.end());
            default:
                return null;
        }
    }

    static String unquote(String quoted) {
        int end = quoted.length() > 1 && quoted.endsWith("\"") ? quoted.length() - 1 : quoted.length();
        StringBuilder out = new StringBuilder(end);
        for (int i = 1; i < end; i++) {
            char c = quoted.charAt(i);
            if (c == '\\' && i + 1 < end) {
                char n = quoted.charAt(i + 1);
                if (n == '"' || n == '\\') {
                    out.append(n);
                    i++;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    private void bad(SyntaxToken token) {
        fail("unexpected-token", "remove or fix '" + text(token) + "': it does not belong here", token.start(), token.end());
    }

    private void fail(String code, String message, int start, int end) {
        failed = true;
        reporter.error(code, message, start, end);
    }

    private String text(SyntaxToken token) {
        return text.substring(token.start(), token.end());
    }


}
