package dev.armorbench.policy.aare;

/**
 * Writes a literal path as AARE that matches it and nothing else, so that a hostile file name from a
 * log stays data: every AARE metacharacter is escaped with a backslash, and every byte that could
 * end the token, start a comment, break a line, or hide in a terminal (quotes, {@code !}, control and
 * invisible characters, bytes that are not UTF-8) is written as a three-digit octal escape, which
 * both apparmor_parser's lexer and its regex stage read back as that byte.
 */
final class PathEscaper {

    private static final String METACHARACTERS = "*?[]{},\\";

    private PathEscaper() {
    }

    static EscapedPath escape(byte[] path) {
        boolean quote = false;
        for (byte b : path) {
            if (b == 0) {
                throw new IllegalArgumentException("a path cannot contain a NUL character");
            }
            if (b == ' ') {
                quote = true;
            }
        }
        StringBuilder out = new StringBuilder(path.length + 8);
        int i = 0;
        while (i < path.length) {
            int b = path[i] & 0xFF;
            if (b < 0x80) {
                if (b == ' ') {
                    out.append(' ');
                } else if (METACHARACTERS.indexOf(b) >= 0) {
                    // Inside quotes a final "\\" would be read as an escaped closing quote.
                    out.append(b == '\\' && quote ? "\\134" : "\\" + (char) b);
                } else if (b < 0x20 || b == 0x7F || b == '"' || b == '!' || (b == '#' && i == 0)) {
                    octal(out, b);
                } else {
                    out.append((char) b);
                }
                i++;
                continue;
            }
            int len = sequenceLength(path, i);
            if (len == 0) {
                octal(out, b);
                i++;
                continue;
            }
            String decoded = Wtf8.decodePrefix(java.util.Arrays.copyOfRange(path, i, i + len), len);
            int cp = decoded.codePointAt(0);
            if (visible(cp)) {
                out.append(decoded);
            } else {
                for (int k = i; k < i + len; k++) {
                    octal(out, path[k] & 0xFF);
                }
            }
            i += len;
        }
        String body = out.toString();
        return new EscapedPath(quote ? "\"" + body + "\"" : body, body, quote);
    }

    /** Length of the well-formed UTF-8 (or WTF-8 surrogate) sequence at {@code i}, or 0. */
    private static int sequenceLength(byte[] p, int i) {
        int b = p[i] & 0xFF;
        int need;
        if (b >= 0xC2 && b <= 0xDF) {
            need = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            need = 2;
        } else if (b >= 0xF0 && b <= 0xF4) {
            need = 3;
        } else {
            return 0;
        }
        if (i + need >= p.length) {
            return 0;
        }
        String decoded = Wtf8.decodePrefix(java.util.Arrays.copyOfRange(p, i, i + need + 1), need + 1);
        return decoded.isEmpty() ? 0 : need + 1;
    }

    private static boolean visible(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                    Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }

    private static void octal(StringBuilder out, int b) {
        out.append('\\').append((char) ('0' + (b >> 6))).append((char) ('0' + ((b >> 3) & 7)))
                .append((char) ('0' + (b & 7)));
    }
}
