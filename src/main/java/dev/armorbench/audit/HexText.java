package dev.armorbench.audit;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The kernel's hex encoding of untrusted strings: a value with a space, a quote, a control
 * character or a byte above 0x7e is written as bare upper-case hex of its bytes
 * ({@code name=2F746D7020612062}). Decoding gives the UTF-8 text back.
 */
final class HexText {
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    /** True when {@code bytes[start, end)} is a non-empty run of hex digits. */
    static boolean looksHex(byte[] bytes, int start, int end) {
        if (end <= start) {
            return false;
        }
        for (int i = start; i < end; i++) {
            if (digit(bytes[i]) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The text the hex stands for, or null when it is of odd length, not UTF-8, or holds NUL. */
    String decode(byte[] hex, int start, int end) {
        int length = end - start;
        if ((length & 1) != 0) {
            return null;
        }
        byte[] bytes = new byte[length / 2];
        boolean ascii = true;
        for (int i = 0; i < bytes.length; i++) {
            int value = digit(hex[start + 2 * i]) << 4 | digit(hex[start + 2 * i + 1]);
            if (value == 0) {
                return null;
            }
            ascii &= value < 0x80;
            bytes[i] = (byte) value;
        }
        if (ascii) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        try {
            CharBuffer chars = utf8.reset().decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static int digit(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }
}
