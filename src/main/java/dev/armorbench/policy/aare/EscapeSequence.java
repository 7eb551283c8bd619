package dev.armorbench.policy.aare;

/**
 * apparmor_parser's escape sequences after a backslash: octal {@code \ooo}, decimal {@code \dNNN},
 * hex {@code \xHH} (each taking digits only while the value stays ≤ 255), {@code \\}, {@code \"},
 * {@code \a \e \f \n \r \t}, plus the characters a caller lists as "escapes of themselves".
 * Anything else is not an escape, and each caller decides what a lone backslash then means.
 */
final class EscapeSequence {

    /** Result of {@link #read}: the byte value and the index just after the sequence. */
    record Read(int value, int end) {
    }

    private EscapeSequence() {
    }

    /**
     * Reads the sequence starting at {@code pos} (the char after the backslash) in {@code s[..limit)}.
     *
     * @return the value and end, or {@code null} when the text there is not an escape sequence
     */
    static Read read(byte[] s, int pos, int limit, String selfEscapes) {
        if (pos >= limit) {
            return null;
        }
        int c = s[pos] & 0xFF;
        if (c >= '0' && c <= '7') {
            return number(s, pos, limit, 8, 3);
        }
        switch (c) {
            case '\\':
                return new Read('\\', pos + 1);
            case '"':
                return new Read('"', pos + 1);
            case 'd':
                return number(s, pos + 1, limit, 10, 3);
            case 'x':
                return number(s, pos + 1, limit, 16, 2);
            case 'a':
                return new Read(7, pos + 1);
            case 'e':
                return new Read(033, pos + 1);
            case 'f':
                return new Read('\f', pos + 1);
            case 'n':
                return new Read('\n', pos + 1);
            case 'r':
                return new Read('\r', pos + 1);
            case 't':
                return new Read('\t', pos + 1);
            default:
                break;
        }
        if (c < 0x80 && selfEscapes.indexOf(c) >= 0) {
            return new Read(c, pos + 1);
        }
        return null;
    }

    private static Read number(byte[] s, int pos, int limit, int base, int maxDigits) {
        int value = 0;
        int i = pos;
        while (i < limit && i - pos < maxDigits) {
            int digit = Character.digit((char) (s[i] & 0xFF), base);
            if (digit < 0 || (s[i] & 0xFF) >= 0x80) {
                break;
            }
            int next = value * base + digit;
            if (next > 255) {
                break;
            }
            value = next;
            i++;
        }
        return i == pos ? null : new Read(value, i);
    }
}
