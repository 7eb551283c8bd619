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
            long found = matching((long) LONGS.get(bytes, i), pattern);
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (bytes[i] == what) {
                return i;
            }
        }
        return -1;
    }

    private static final long NEWLINES = '\n' * ONES;

    /**
     * The first newline in {@code bytes[from, to)}, or -1. Sixteen bytes a step: half the loop's
     * branches over a line of a few hundred bytes. Its last bytes are searched here, not handed to
     * {@link #indexOf}: with that call the whole reader took 4-7% more CPU time (ReaderSideBySide,
     * six runs), as if it stopped this search being inlined where the line ends are found.
     */
    static int indexOfNewline(byte[] bytes, int from, int to) {
        int i = from;
        for (; i + 16 <= to; i += 16) {
            long first = matching((long) LONGS.get(bytes, i), NEWLINES);
            long second = matching((long) LONGS.get(bytes, i + 8), NEWLINES);
            if ((first | second) != 0) {
                return first != 0 ? i + (Long.numberOfTrailingZeros(first) >>> 3)
                        : i + 8 + (Long.numberOfTrailingZeros(second) >>> 3);
            }
        }
        for (; i + 8 <= to; i += 8) {
            long found = matching((long) LONGS.get(bytes, i), NEWLINES);
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /**
     * A high bit set in each byte of {@code word} that equals the byte {@code pattern} repeats.
     * Exact for the lowest such byte, which is all the searches use: no borrow reaches below it.
     */
    static long matching(long word, long pattern) {
        long flipped = word ^ pattern;
        return (flipped - ONES) & ~flipped & HIGHS;
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
