package dev.armorbench.policy.aare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * First stage of apparmor_parser's pattern compiler, reimplemented: turns AARE text into the small
 * regex dialect its DFA builder reads ({@code convert_aaregex_to_pcre} in {@code parser_regex.c}).
 * Keeping the two stages, rather than one "cleaner" parser, is what makes the odd corners come out
 * the way the reference compiles them (for instance {@code \^} inside {@code [...]} still negating,
 * or {@code *} written inside {@code [...]} not being a literal star).
 *
 * <p>Rules carried over: {@code *} is {@code [^/\0]*}, {@code **} is {@code [^\0]*}, {@code ?} is
 * {@code [^/\0]}; a run of stars that is a whole path segment (right after a {@code /} and followed
 * by {@code /} or the end) must match at least one character, so {@code /*} and {@code /**} never
 * match {@code /} itself and {@code /**}{@code /} never matches {@code //}; {@code {a,b}} becomes a
 * group; {@code . + | ( ) ^ $} are literal outside classes.
 */
final class PcreTranslation {

    /** apparmor_parser refuses {@code {}} nested this deep. */
    static final int MAX_ALTERNATION_DEPTH = 50;

    /** The translated regex; {@code origin[i]} is the source byte that regex byte came from. */
    record Result(byte[] regex, int[] origin, List<AareProblem> warnings) {
    }

    private final byte[] src;
    private final int[] srcChar;
    private final String text;
    private byte[] out;
    private int[] origin;
    private int len;
    private final List<AareProblem> warnings = new ArrayList<>();

    private PcreTranslation(String text, byte[] src, int[] srcChar) {
        this.text = text;
        this.src = src;
        this.srcChar = srcChar;
        this.out = new byte[src.length * 4 + 16];
        this.origin = new int[out.length];
    }

    /** Translates {@code src} (the pattern's bytes; {@code srcChar} maps them to chars of {@code text}). */
    static Result translate(String text, byte[] src, int[] srcChar) {
        return new PcreTranslation(text, src, srcChar).run();
    }

    /**
     * apparmor_parser's {@code filter_slashes}: collapses runs of {@code /} into one, except a leading
     * {@code //} followed by a non-slash (a distinct namespace in Linux). Applied to file rule paths
     * and attachments, not to other names.
     */
    static Wtf8.Encoded filterSlashes(Wtf8.Encoded in) {
        byte[] p = in.bytes();
        int[] pos = in.charIndex();
        if (p.length < 2) {
            return in;
        }
        byte[] b = new byte[p.length];
        int[] q = new int[p.length];
        int n = 0;
        int i = 0;
        if (p[0] == '/' && p[1] == '/' && (p.length == 2 || p[2] != '/')) {
            b[n] = '/';
            q[n++] = pos[0];
            b[n] = '/';
            q[n++] = pos[1];
            i = 2;
        }
        boolean seenSlash = false;
        for (; i < p.length; i++) {
            if (p[i] == '/') {
                if (seenSlash) {
                    continue;
                }
                seenSlash = true;
            } else {
                seenSlash = false;
            }
            b[n] = p[i];
            q[n++] = pos[i];
        }
        return new Wtf8.Encoded(Arrays.copyOf(b, n), Arrays.copyOf(q, n));
    }

    private Result run() {
        boolean escape = false;
        int groupDepth = 0;
        boolean inClass = false;
        int classStart = -1;
        int[] groupItems = new int[MAX_ALTERNATION_DEPTH + 1];
        int[] groupOpen = new int[MAX_ALTERNATION_DEPTH + 1];
        int n = src.length;
        for (int i = 0; i < n; i++) {
            int c = src[i] & 0xFF;
            switch (c) {
                case '\\':
                    if (escape) {
                        emit("\\\\", i);
                    } else {
                        escape = true;
                        continue;
                    }
                    break;
                case '*':
                    if (escape) {
                        emit("\\*", i);
                    } else {
                        if (len > 0 && out[len - 1] == '/') {
                            int s = i;
                            while (s < n && src[s] == '*') {
                                s++;
                            }
                            if (s == n || src[s] == '/') {
                                emit("[^/\\x00]", i);
                            }
                        }
                        if (i + 1 < n && src[i + 1] == '*') {
                            emit("[^\\x00]*", i);
                            i++;
                        } else {
                            emit("[^/\\x00]*", i);
                        }
                    }
                    break;
                case '?':
                    if (escape) {
                        emit('?', i);
                    } else {
                        emit("[^/\\x00]", i);
                    }
                    break;
                case '[':
                    if (escape) {
                        emit("\\[", i);
                    } else {
                        inClass = true;
                        classStart = i;
                        emit('[', i);
                    }
                    break;
                case ']':
                    if (escape) {
                        emit("\\]", i);
                    } else {
                        if (!inClass) {
                            throw fail(i, i + 1, "']' closes no '[': escape it as '\\]' for a literal ']' "
                                    + "or open the character class with '['");
                        }
                        inClass = false;
                        emit(']', i);
                    }
                    break;
                case '{':
                    if (escape) {
                        emit("\\{", i);
                    } else if (inClass) {
                        emit('{', i);
                    } else {
                        groupDepth++;
                        if (groupDepth >= MAX_ALTERNATION_DEPTH) {
                            throw fail(i, i + 1, "'{' alternations nest deeper than apparmor_parser allows ("
                                    + (MAX_ALTERNATION_DEPTH - 1) + "): flatten the alternation");
                        }
                        groupItems[groupDepth] = 0;
                        groupOpen[groupDepth] = i;
                        emit('(', i);
                    }
                    break;
                case '}':
                    if (escape) {
                        emit("\\}", i);
                    } else if (inClass) {
                        emit('}', i);
                    } else {
                        if (groupDepth == 0) {
                            throw fail(i, i + 1, "'}' closes no '{': escape it as '\\}' for a literal '}'");
                        }
                        if (groupItems[groupDepth] == 0) {
                            throw fail(groupOpen[groupDepth], i + 1, "'{...}' needs at least two alternatives "
                                    + "separated by ',': write '{x,}' for an optional part, or drop the "
                                    + "braces (escape them as '\\{' and '\\}' for literal braces)");
                        }
                        groupDepth--;
                        emit(')', i);
                    }
                    break;
                case ',':
                    if (escape) {
                        if (inClass) {
                            emit("\\,", i);
                        } else {
                            emit(',', i);
                        }
                    } else if (groupDepth > 0 && !inClass) {
                        groupItems[groupDepth]++;
                        emit('|', i);
                    } else {
                        emit(',', i);
                    }
                    break;
                case '^':
                case '$':
                    if (inClass) {
                        emit(c, i);
                    } else {
                        emit('\\', i);
                        emit(c, i);
                    }
                    break;
                case '.':
                case '+':
                case '|':
                case '(':
                case ')':
                    emit('\\', i);
                    i = literal(c, i, escape);
                    break;
                case 0:
                    throw fail(i, i + 1, "a NUL character cannot be part of a pattern: write '\\000' instead");
                default:
                    i = literal(c, i, escape);
                    break;
            }
            escape = false;
        }
        if (inClass) {
            throw fail(classStart, n, "'[' is never closed: add the closing ']' or escape it as '\\[' "
                    + "for a literal '['");
        }
        if (groupDepth > 0) {
            throw fail(groupOpen[groupDepth], n, "'{' is never closed: add the closing '}' or escape it as "
                    + "'\\{' for a literal '{'");
        }
        if (escape) {
            throw fail(n - 1, n, "the pattern ends with a lone '\\': write '\\\\' for a literal backslash");
        }
        return new Result(Arrays.copyOf(out, len), Arrays.copyOf(origin, len), List.copyOf(warnings));
    }

    /** A character with no AARE meaning, maybe after a backslash; returns the last source index used. */
    private int literal(int c, int i, boolean escape) {
        if (!escape) {
            emit(c, i);
            return i;
        }
        EscapeSequence.Read read = EscapeSequence.read(src, i, src.length, "");
        if (read != null) {
            emit('\\', i);
            for (int k = i; k < read.end(); k++) {
                emit(src[k] & 0xFF, k);
            }
            return read.end() - 1;
        }
        warnings.add(AareProblem.warning(charAt(i - 1), charAt(i) + 1, "'\\" + (char) c
                + "' is not an escape: apparmor_parser drops the '\\' (write '" + (char) c + "' alone)"));
        emit(c, i);
        return i;
    }

    private int charAt(int byteIndex) {
        if (byteIndex < 0) {
            return 0;
        }
        if (byteIndex >= srcChar.length) {
            return text.length();
        }
        return srcChar[byteIndex];
    }

    private AareSyntaxException fail(int fromByte, int toByte, String message) {
        int start = charAt(fromByte);
        int end = toByte >= src.length ? text.length() : charAt(toByte);
        if (end <= start) {
            end = Math.min(start + 1, text.length());
        }
        return new AareSyntaxException(text, AareProblem.error(start, end, message));
    }

    private void emit(String s, int from) {
        for (int k = 0; k < s.length(); k++) {
            emit(s.charAt(k), from);
        }
    }

    private void emit(int b, int from) {
        if (len == out.length) {
            out = Arrays.copyOf(out, len * 2);
            origin = Arrays.copyOf(origin, len * 2);
        }
        out[len] = (byte) b;
        origin[len++] = from;
    }
}
