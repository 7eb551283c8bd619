package dev.armorbench.policy.aare;

import java.util.ArrayList;
import java.util.List;

/**
 * Second stage of apparmor_parser's pattern compiler, reimplemented: reads the regex dialect that
 * {@link PcreTranslation} writes, with the grammar of {@code libapparmor_re/parse.y} (alternation,
 * concatenation, postfix {@code *} and {@code +}, {@code .}, classes {@code [...]} / {@code [^...]}
 * with ranges whose reversed ends are swapped, and backslash escapes), into a {@link RegexNode} tree.
 */
final class RegexTreeParser {

    private static final int CHAR = 256;
    private static final int END = -1;
    private static final String SELF_ESCAPES = "*+.|^$-[](){}";

    private final byte[] re;
    private final int[] kinds;
    private final int[] values;
    private final int[] starts;
    private final int count;
    private int at;

    private RegexTreeParser(byte[] re) {
        this.re = re;
        int[] k = new int[re.length + 1];
        int[] v = new int[re.length + 1];
        int[] s = new int[re.length + 1];
        int n = 0;
        int i = 0;
        while (i < re.length) {
            int c = re[i] & 0xFF;
            s[n] = i;
            switch (c) {
                case '*', '+', '.', '|', '^', '-', '[', ']', '(', ')' -> {
                    k[n] = c;
                    v[n++] = c;
                    i++;
                }
                case '\\' -> {
                    EscapeSequence.Read read = EscapeSequence.read(re, i + 1, re.length, SELF_ESCAPES);
                    k[n] = CHAR;
                    if (read == null) {
                        // The reference yields the backslash itself and reads on from the next char.
                        v[n++] = '\\';
                        i++;
                    } else {
                        v[n++] = read.value();
                        i = read.end();
                    }
                }
                default -> {
                    k[n] = CHAR;
                    v[n++] = c;
                    i++;
                }
            }
        }
        s[n] = re.length;
        k[n] = END;
        this.kinds = k;
        this.values = v;
        this.starts = s;
        this.count = n;
    }

    /** Why the regex could not be read, and at which regex byte. */
    static final class Failure extends Exception {
        final int regexIndex;

        Failure(int regexIndex, String message) {
            super(message, null, false, false);
            this.regexIndex = regexIndex;
        }
    }

    static RegexNode parse(byte[] regex) throws Failure {
        RegexTreeParser p = new RegexTreeParser(regex);
        RegexNode node = p.alternation();
        if (p.kinds[p.at] != END) {
            throw p.failure("unexpected '" + (char) p.values[p.at] + "'");
        }
        return node;
    }

    private Failure failure(String message) {
        return new Failure(starts[Math.min(at, count)], message);
    }

    private int peek() {
        return kinds[at];
    }

    /** regex: empty | terms0 ('|' terms0)* — every alternative may be empty. */
    private RegexNode alternation() throws Failure {
        List<RegexNode> choices = new ArrayList<>();
        choices.add(sequence());
        while (peek() == '|') {
            at++;
            choices.add(sequence());
        }
        return choices.size() == 1 ? choices.get(0) : new RegexNode.Alternation(choices);
    }

    private RegexNode sequence() throws Failure {
        List<RegexNode> parts = new ArrayList<>();
        while (startsTerm(peek())) {
            RegexNode term = term();
            if (peek() == '*') {
                at++;
                term = new RegexNode.Star(term);
            } else if (peek() == '+') {
                at++;
                term = new RegexNode.Plus(term);
            }
            parts.add(term);
        }
        if (parts.isEmpty()) {
            return new RegexNode.Empty();
        }
        return parts.size() == 1 ? parts.get(0) : new RegexNode.Concat(parts);
    }

    private static boolean startsTerm(int kind) {
        return kind == CHAR || kind == '.' || kind == '[' || kind == '(' || kind == '^' || kind == '-'
                || kind == ']';
    }

    private RegexNode term() throws Failure {
        int kind = peek();
        switch (kind) {
            case '.' -> {
                at++;
                long[] all = {-1L, -1L, -1L, -1L};
                return new RegexNode.ByteSet(all);
            }
            case '(' -> {
                at++;
                RegexNode inner = alternation();
                if (peek() != ')') {
                    throw failure("a group is not closed");
                }
                at++;
                return inner;
            }
            case '[' -> {
                at++;
                return characterClass();
            }
            default -> {
                int v = values[at++];
                return RegexNode.ByteSet.of(v);
            }
        }
    }

    private RegexNode characterClass() throws Failure {
        long[] bits = new long[4];
        boolean negated = false;
        if (peek() == '^') {
            at++;
            negated = true;
            if (peek() == '^') {
                // "[^^...]": the second caret is a member, and the rest may be empty.
                at++;
                set(bits, '^');
                members(bits);
                return close(bits, true);
            }
        }
        int first = peek();
        if (!(isClassChar(first) || first == ']' || first == '-')) {
            throw failure(first == END ? "a character class is not closed" : "a character class is empty");
        }
        int lo = values[at++];
        rangeOrSingle(bits, lo);
        members(bits);
        return close(bits, negated);
    }

    private void members(long[] bits) throws Failure {
        while (isClassChar(peek()) || peek() == '^') {
            int lo = values[at++];
            rangeOrSingle(bits, lo);
        }
    }

    private void rangeOrSingle(long[] bits, int lo) throws Failure {
        if (peek() != '-') {
            set(bits, lo);
            return;
        }
        at++;
        int k = peek();
        if (!(isClassChar(k) || k == '^')) {
            throw failure("a range in a character class has no end: put '-' first in the class "
                    + "(as in '[-a]') to mean a literal '-'");
        }
        int hi = values[at++];
        int a = Math.min(lo, hi);
        int b = Math.max(lo, hi);
        for (int c = a; c <= b; c++) {
            set(bits, c);
        }
    }

    private RegexNode close(long[] bits, boolean negated) throws Failure {
        if (peek() != ']') {
            throw failure(peek() == END ? "a character class is not closed"
                    : "'-' cannot follow a range in a character class; put '-' first in the class");
        }
        at++;
        if (negated) {
            for (int i = 0; i < 4; i++) {
                bits[i] = ~bits[i];
            }
        }
        return new RegexNode.ByteSet(bits);
    }

    private static boolean isClassChar(int kind) {
        return kind == CHAR || kind == '[' || kind == '*' || kind == '+' || kind == '.' || kind == '|'
                || kind == '(' || kind == ')';
    }

    private static void set(long[] bits, int b) {
        bits[b >> 6] |= 1L << (b & 63);
    }

    /** The regex bytes (for messages). */
    byte[] regex() {
        return re;
    }
}
