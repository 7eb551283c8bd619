package dev.armorbench.audit;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The kernel's hex encoding of untrusted strings: a value with a space, a quote, a control
 * character or a byte above 0x7e is written as bare upper-case hex of its bytes
 * ({@code name=2F746D7020612062}). Decoding gives the UTF-8 text back.
 */
final class HexText {
    /** Each byte's value as a hex digit, or -1: one load per byte, where range tests mispredict on "4143504920". */
    private static final byte[] DIGITS = new byte[256];

    static {
        java.util.Arrays.fill(DIGITS, (byte) -1);
        for (int c = '0'; c <= '9'; c++) {
            DIGITS[c] = (byte) (c - '0');
        }
        for (int c = 'A'; c <= 'F'; c++) {
            DIGITS[c] = (byte) (c - 'A' + 10);
            DIGITS[c + ('a' - 'A')] = (byte) (c - 'A' + 10);
        }
    }

    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private CharBuffer chars = CharBuffer.allocate(256);

    /** True when {@code bytes[start, end)} is a non-empty run of hex digits. */
    static boolean looksHex(byte[] bytes, int start, int end) {
        if (end <= start) {
            return false;
        }
        int any = 0;
        for (int i = start; i < end; i++) {
            any |= DIGITS[bytes[i] & 0xff]; // -1 sets every bit
        }
        return any >= 0;
    }

    /** The text the hex stands for, or null when it is of odd length, not UTF-8, or holds NUL. */
    String decode(byte[] hex, int start, int end) {
        int length = end - start;
        if ((length & 1) != 0) {
            return null;
        }
        byte[] bytes = new byte[length / 2];
        int high = 0;
        for (int i = 0, at = start; i < bytes.length; i++, at += 2) {
            int value = DIGITS[hex[at] & 0xff] << 4 | DIGITS[hex[at + 1] & 0xff];
            if (value <= 0) {
                return null; // NUL, or not hex after all (a -1 makes the value negative)
            }
            high |= value;
            bytes[i] = (byte) value;
        }
        if (high < 0x80) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        return utf8Text(bytes);
    }

    /**
     * The UTF-8 text of {@code bytes}, or null when they are not UTF-8. Through the decoder's
     * result rather than its exception: a damaged name in every line of a log would otherwise
     * cost an exception each.
     */
    private String utf8Text(byte[] bytes) {
        if (chars.capacity() < bytes.length) {
            chars = CharBuffer.allocate(bytes.length); // UTF-8 never gives more chars than bytes
        }
        chars.clear();
        utf8.reset();
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (utf8.decode(in, chars, true).isError() || utf8.flush(chars).isError()) {
            return null;
        }
        return chars.flip().toString();
    }
}
