package dev.armorbench.audit;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Short runs of bytes read eight at a time: searching lines, comparing keys and shared values. */
final class ByteRuns {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private ByteRuns() {}

    /** True when {@code line[start, start + length)} holds the bytes {@code run[from, from + length)}. */
    static boolean equal(byte[] line, int start, byte[] run, int from, int length) {
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            if ((long) LONGS.get(line, start + i) != (long) LONGS.get(run, from + i)) {
                return false;
            }
        }
        for (; i < length; i++) {
            if (line[start + i] != run[from + i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The first {@code what} in {@code bytes[from, to)}, or -1. Eight bytes at a time: a log line's
     * prefix (syslog time, host, uptime) is skipped in a few steps rather than byte by byte.
     */
    static int indexOf(byte[] bytes, byte what, int from, int to) {
        long pattern = (what & 0xffL) * ONES;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long word = (long) LONGS.get(bytes, i) ^ pattern;
            long zeros = (word - ONES) & ~word & HIGHS; // exact for the lowest match: no borrow reaches below it
            if (zeros != 0) {
                return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (bytes[i] == what) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The up to eight bytes at {@code bytes[start, start + length)} as one little-endian word, the
     * rest zero; {@code length} is at most 8. Reads past {@code start + length} only inside the array.
     */
    static long word(byte[] bytes, int start, int length) {
        if (length <= 0) {
            return 0;
        }
        if (start + 8 <= bytes.length) {
            long word = (long) LONGS.get(bytes, start);
            return length >= 8 ? word : word & ((1L << (length << 3)) - 1);
        }
        long word = 0;
        for (int i = Math.min(length, 8) - 1; i >= 0; i--) {
            word = (word << 8) | (bytes[start + i] & 0xffL);
        }
        return word;
    }
}
