package dev.armorbench.policy.aare;

/**
 * The byte view of a Java string that the kernel sees: UTF-8, except that a lone surrogate is encoded
 * on its own as three bytes (WTF-8) instead of being replaced, so that every distinct string keeps a
 * distinct byte sequence and matching stays exact for any input, even a broken one.
 */
final class Wtf8 {

    private Wtf8() {
    }

    /** Bytes of {@code text}, and for each byte the index of the char it came from. */
    record Encoded(byte[] bytes, int[] charIndex) {
    }

    static Encoded encodeWithPositions(String text) {
        int n = text.length();
        byte[] out = new byte[n * 3 + 1];
        int[] pos = new int[n * 3 + 1];
        int len = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            int start = i;
            if (c < 0x80) {
                out[len] = (byte) c;
                pos[len++] = start;
            } else if (c < 0x800) {
                out[len] = (byte) (0xC0 | (c >> 6));
                pos[len++] = start;
                out[len] = (byte) (0x80 | (c & 0x3F));
                pos[len++] = start;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, text.charAt(++i));
                if (out.length < len + 4) {
                    out = java.util.Arrays.copyOf(out, out.length * 2 + 4);
                    pos = java.util.Arrays.copyOf(pos, pos.length * 2 + 4);
                }
                out[len] = (byte) (0xF0 | (cp >> 18));
                pos[len++] = start;
                out[len] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                pos[len++] = start;
                out[len] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                pos[len++] = start;
                out[len] = (byte) (0x80 | (cp & 0x3F));
                pos[len++] = start;
            } else {
                out[len] = (byte) (0xE0 | (c >> 12));
                pos[len++] = start;
                out[len] = (byte) (0x80 | ((c >> 6) & 0x3F));
                pos[len++] = start;
                out[len] = (byte) (0x80 | (c & 0x3F));
                pos[len++] = start;
            }
        }
        return new Encoded(java.util.Arrays.copyOf(out, len), java.util.Arrays.copyOf(pos, len));
    }

    static byte[] encode(String text) {
        return encodeWithPositions(text).bytes();
    }

    /**
     * Decodes {@code bytes[0..length)} back to a string, stopping before the first byte that does not
     * start a complete, well-formed sequence: the result is always a true prefix of what was encoded.
     */
    static String decodePrefix(byte[] bytes, int length) {
        StringBuilder sb = new StringBuilder(length);
        int i = 0;
        while (i < length) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                sb.append((char) b);
                i++;
                continue;
            }
            int need;
            int cp;
            int min;
            if (b >= 0xC2 && b <= 0xDF) {
                need = 1;
                cp = b & 0x1F;
                min = 0x80;
            } else if (b >= 0xE0 && b <= 0xEF) {
                need = 2;
                cp = b & 0x0F;
                min = 0x800;
            } else if (b >= 0xF0 && b <= 0xF4) {
                need = 3;
                cp = b & 0x07;
                min = 0x10000;
            } else {
                break;
            }
            if (i + need >= length) {
                break;
            }
            boolean ok = true;
            for (int k = 1; k <= need; k++) {
                if (i + k >= length) {
                    ok = false;
                    break;
                }
                int cb = bytes[i + k] & 0xFF;
                if ((cb & 0xC0) != 0x80) {
                    ok = false;
                    break;
                }
                cp = (cp << 6) | (cb & 0x3F);
            }
            if (!ok || cp < min || cp > 0x10FFFF) {
                break;
            }
            sb.appendCodePoint(cp);
            i += need + 1;
        }
        return sb.toString();
    }
}
