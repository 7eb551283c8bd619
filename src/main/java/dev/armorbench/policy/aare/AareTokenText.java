package dev.armorbench.policy.aare;

/**
 * From a path token as written in a profile to the AARE text {@link AarePattern#compile} takes: what
 * apparmor_parser's lexer does with an id ({@code processid}): strip the surrounding double quotes
 * and turn escape sequences into the characters they stand for, keeping the AARE metacharacters
 * escaped. Quoting does not turn globbing off: {@code "/a/*"} is still a glob.
 */
public final class AareTokenText {

    private static final String KEEP_ESCAPED = "*?[]{}^,\\";

    private AareTokenText() {
    }

    /**
     * The AARE text of {@code token}.
     *
     * @throws AareSyntaxException when a quoted token has no closing quote
     */
    public static String unquote(String token) {
        String body = token;
        if (token.startsWith("\"")) {
            if (token.length() < 2 || !token.endsWith("\"")) {
                throw new AareSyntaxException(token, AareProblem.error(0, token.length(),
                        "the quoted name has no closing '\"': add one at its end"));
            }
            body = token.substring(1, token.length() - 1);
        }
        return processEscapes(body);
    }

    /**
     * {@link #unquote} for a token in double quotes; any other token as it is. How rules' paths
     * reach the AARE engine for coverage and clash checks.
     *
     * @throws AareSyntaxException when a quoted token has no closing quote
     */
    public static String unquoteIfQuoted(String token) {
        return token.startsWith("\"") ? unquote(token) : token;
    }

    /**
     * {@code processunquoted}: a valid escape becomes its character, except that AARE metacharacters
     * stay escaped, NUL stays as written, and a byte that is not printable ASCII stays an octal escape
     * (the regex stage reads it back as the same byte, and a Java string cannot hold a lone byte).
     * Anything else, including {@code \*}, is copied unchanged for the regex stage.
     */
    static String processEscapes(String body) {
        if (body.indexOf('\\') < 0) {
            return body;
        }
        StringBuilder out = new StringBuilder(body.length());
        int n = body.length();
        int i = 0;
        while (i < n) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 >= n) {
                out.append(c);
                i++;
                continue;
            }
            // Escape sequences are ASCII; read them from an ASCII view of the rest.
            int end = Math.min(n, i + 5);
            byte[] window = new byte[end - i - 1];
            for (int k = i + 1; k < end; k++) {
                char w = body.charAt(k);
                window[k - i - 1] = w < 0x80 ? (byte) w : (byte) 0x80;
            }
            EscapeSequence.Read read = EscapeSequence.read(window, 0, window.length, "");
            if (read == null) {
                out.append(c);
                i++;
                continue;
            }
            int value = read.value();
            String written = body.substring(i, i + 1 + read.end());
            if (value == 0) {
                out.append(written);
            } else if (KEEP_ESCAPED.indexOf(value) >= 0) {
                out.append('\\').append((char) value);
            } else if (value < 0x20 || value >= 0x7F) {
                out.append('\\').append((char) ('0' + (value >> 6))).append((char) ('0' + ((value >> 3) & 7)))
                        .append((char) ('0' + (value & 7)));
            } else {
                out.append((char) value);
            }
            i += 1 + read.end();
        }
        return out.toString();
    }
}
