package dev.armorbench.policy.check;

import dev.armorbench.policy.syntax.SyntaxNode;
import dev.armorbench.policy.syntax.SyntaxToken;
import dev.armorbench.policy.syntax.TokenKind;
import java.util.List;

/**
 * Evaluates an {@code if} condition: {@code not}, {@code and}, {@code or}, parentheses,
 * {@code defined @{V}}, {@code ${B}}, comparisons. Null when the condition has an error.
 */
final class ConditionEvaluator {
    private final SourceFile source;
    private final Variables variables;
    private final Reporter reporter;
    private List<SyntaxToken> tokens;
    private int index;
    private boolean failed;

    ConditionEvaluator(SourceFile source, Variables variables, Reporter reporter) {
        this.source = source;
        this.variables = variables;
        this.reporter = reporter;
    }

    Boolean evaluate(SyntaxNode condition) {
        tokens = condition == null ? List.of() : condition.significantTokens();
        index = 0;
        if (tokens.isEmpty()) {
            fail("write a condition after 'if'", condition == null ? 0 : condition.start(), condition == null ? 0 : condition.end());
            return null;
        }
        boolean value = or();
        if (index < tokens.size()) {
            SyntaxToken token = tokens.get(index);
            fail("unexpected '" + text(token) + "' in the condition", token.start(), token.end());
        }
        return failed ? null : value;
    }

    private boolean or() {
        boolean value = and();
        while (index < tokens.size() && text(tokens.get(index)).equals("or")) {
            index++;
            boolean right = and();
            value = value || right;
        }
        return value;
    }

    private boolean and() {
        boolean value = unary();
        while (index < tokens.size() && text(tokens.get(index)).equals("and")) {
            index++;
            boolean right = unary();
            value = value && right;
        }
        return value;
    }

    private boolean unary() {
        if (index >= tokens.size()) {
            SyntaxToken last = tokens.get(tokens.size() - 1);
            fail("the condition ends too early", last.start(), last.end());
            return false;
        }
        SyntaxToken token = tokens.get(index);
        String word = text(token);
        if (token.kind() == TokenKind.KEYWORD && word.equals("not")) {
            index++;
            return !unary();
        }
        if (token.kind() == TokenKind.L_PAREN) {
            index++;
            boolean value = or();
            if (index < tokens.size() && tokens.get(index).kind() == TokenKind.R_PAREN) {
                index++;
            } else {
                fail("close the parenthesis", token.start(), token.end());
            }
            return value;
        }
        if (token.kind() == TokenKind.KEYWORD && word.equals("defined")) {
            index++;
            if (index >= tokens.size()) {
                fail("name a variable after 'defined'", token.start(), token.end());
                return false;
            }
            String variable = text(tokens.get(index++));
            if (variable.startsWith("@")) {
                return variables.isDefined(bare(variable));
            }
            if (variable.startsWith("$")) {
                return variables.isBooleanDefined(bare(variable));
            }
            fail("write 'defined @{NAME}' or 'defined ${NAME}'", token.start(), token.end());
            return false;
        }
        if (token.kind() == TokenKind.WORD && (word.equals("true") || word.equals("false"))) {
            index++;
            return word.equals("true");
        }
        if (token.kind() == TokenKind.BOOL_VARIABLE) {
            index++;
            String name = word.startsWith("${") ? word.substring(2, word.length() - 1) : word.substring(1);
            Boolean value = variables.booleanValue(name);
            if (value == null) {
                fail("define ${" + name + "} before testing it", token.start(), token.end());
                return false;
            }
            return value;
        }
        if ((token.kind() == TokenKind.WORD || token.kind() == TokenKind.QUOTED) && index + 2 < tokens.size()
                && (tokens.get(index + 1).kind() == TokenKind.COMPARE || text(tokens.get(index + 1)).equals("in"))) {
            String operator = text(tokens.get(index + 1));
            String right = text(tokens.get(index + 2));
            index += 3;
            return compare(word, operator, right);
        }
        index++;
        fail("'" + word + "' is not a condition: use defined, ${BOOL}, not, and, or, or a comparison", token.start(), token.end());
        return false;
    }

    /** The name inside {@code @{NAME}}, {@code @NAME}, {@code ${NAME}} or {@code $NAME}. */
    static String bare(String variable) {
        return variable.length() > 2 && variable.charAt(1) == '{' ? variable.substring(2, variable.length() - 1) : variable.substring(1);
    }

    private boolean compare(String left, String operator, String right) {
        List<String> l = values(left);
        List<String> r = values(right);
        switch (operator) {
            case "==":
                return l.equals(r);
            case "!=":
                return !l.equals(r);
            case "in":
                return r.containsAll(l);
            default:
                if (l.size() == 1 && r.size() == 1) {
                    try {
                        long a = Long.parseLong(l.get(0));
                        long b = Long.parseLong(r.get(0));
                        return switch (operator) {
                            case "<" -> a < b;
                            case "<=" -> a <= b;
                            case ">" -> a > b;
                            default -> a >= b;
                        };
                    } catch (NumberFormatException e) {
                        int c = l.get(0).compareTo(r.get(0));
                        return switch (operator) {
                            case "<" -> c < 0;
                            case "<=" -> c <= 0;
                            case ">" -> c > 0;
                            default -> c >= 0;
                        };
                    }
                }
                return false;
        }
    }

    private List<String> values(String text) {
        if (!variables.hasReference(text)) {
            return List.of(text);
        }
        try {
            return variables.expand(text);
        } catch (Variables.ExpansionError e) {
            failed = true;
            return List.of(text);
        }
    }

    private void fail(String message, int start, int end) {
        failed = true;
        reporter.error("condition-syntax", message, start, end);
    }

    private String text(SyntaxToken token) {
        return source.text().substring(token.start(), token.end());
    }
}
