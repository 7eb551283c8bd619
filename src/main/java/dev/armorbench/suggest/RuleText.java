package dev.armorbench.suggest;

import dev.armorbench.policy.aare.AarePattern;
import dev.armorbench.policy.aare.EscapedPath;

/**
 * Writes values from a log into rule text as data: whatever bytes a name holds, the token written
 * matches that one name and cannot end the rule, open a block, start a comment or add a flag.
 */
public final class RuleText {
    private RuleText() {
    }

    /** A literal name or path as an AARE token (escaped, quoted when it holds a space). */
    public static String literal(String value) {
        EscapedPath escaped = piece(value);
        return escaped.needsQuotes() ? "\"" + escaped.aare() + "\"" : escaped.aare();
    }

    /**
     * The escaped AARE of {@code value} without quotes, for building a glob from literal pieces.
     * An escaped backslash is written {@code \134}: apparmor_parser's lexer misreads {@code \\}
     * at the end of an unquoted token (it takes the following space into the token).
     */
    static EscapedPath piece(String value) {
        EscapedPath escaped = AarePattern.escape(value);
        String aare = escaped.aare();
        if (aare.indexOf('\\') < 0) {
            return escaped;
        }
        StringBuilder out = new StringBuilder(aare.length() + 4);
        for (int i = 0; i < aare.length(); i++) {
            char c = aare.charAt(i);
            if (c == '\\' && i + 1 < aare.length()) {
                char next = aare.charAt(++i);
                out.append(next == '\\' ? "\\134" : "\\" + next);
            } else {
                out.append(c);
            }
        }
        return new EscapedPath(escaped.needsQuotes() ? "\"" + out + "\"" : out.toString(), out.toString(),
                escaped.needsQuotes());
    }

    /**
     * A profile name for a header ({@code profile NAME {}}, {@code ^NAME {}}): bare when it holds
     * only characters that cannot end or extend the token, else in double quotes with quotes,
     * backslashes and control characters written as octal escapes. The name keeps its meaning (a
     * label names the profile exactly as it was defined).
     */
    public static String profileName(String name) {
        boolean bare = !name.isEmpty() && !name.startsWith("^") && !name.startsWith("#");
        for (int i = 0; i < name.length() && bare; i++) {
            char c = name.charAt(i);
            bare = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "/_.+-:~%=".indexOf(c) >= 0 || c == '@' && (i + 1 >= name.length() || name.charAt(i + 1) != '{');
        }
        if (bare) {
            return name;
        }
        StringBuilder out = new StringBuilder(name.length() + 2).append('"');
        byte[] bytes = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (byte value : bytes) {
            int b = value & 0xFF;
            if (b < 0x20 || b == 0x7F || b == '"' || b == '\\') {
                out.append('\\').append((char) ('0' + (b >> 6))).append((char) ('0' + ((b >> 3) & 7)))
                        .append((char) ('0' + (b & 7)));
            } else if (b < 0x80) {
                out.append((char) b);
            } else {
                out.append(new String(new byte[] {value}, java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        // Non-ASCII bytes: re-decode the whole run as UTF-8 so the text stays readable.
        String quoted = out.append('"').toString();
        return new String(quoted.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * A plain word value (a capability, a socket type, a mount option): kept only when it is made
     * of letters, digits and {@code _ . - :}; anything else gives null and the caller leaves the
     * condition out rather than write text the event did not ask for.
     */
    public static String word(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.'
                    || c == '-' || c == ':')) {
                return null;
            }
        }
        return value;
    }

    /** Permission words of a mask ({@code "send receive"}) in sorted order, only plain words. */
    static java.util.SortedSet<String> words(String mask) {
        java.util.SortedSet<String> out = new java.util.TreeSet<>();
        if (mask == null) {
            return out;
        }
        for (String part : mask.split("[\\s,]+")) {
            String w = word(part);
            if (w != null) {
                out.add(w);
            }
        }
        return out;
    }

    /** {@code send} or {@code (receive, send)}; {@code parenthesizeOne} for kinds that write {@code (bind)}. */
    static String perms(java.util.Collection<String> perms, boolean parenthesizeOne) {
        if (perms.size() == 1 && !parenthesizeOne) {
            return perms.iterator().next();
        }
        return "(" + String.join(", ", perms) + ")";
    }
}
