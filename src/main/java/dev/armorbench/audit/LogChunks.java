package dev.armorbench.audit;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Cuts a byte stream into chunks of whole lines, so each chunk can be parsed on its own thread:
 * a chunk ends just after a newline (or at the end of the stream), and knows the number of its
 * first line. A line too long to be a record is not kept: it becomes a chunk of its own that only
 * says "one overlong line", as {@link LineSplitter} would report it.
 */
final class LogChunks {
    /** The default size of a chunk: a few hundred lines, so a handful in flight stay small. */
    static final int CHUNK_BYTES = 128 * 1024;
    /** Room for a line of {@link LineSplitter#MAX_LINE_BYTES} plus its newline, whatever the chunk size. */
    private static final int CAPACITY = Math.max(CHUNK_BYTES, LineSplitter.MAX_LINE_BYTES + 2);

    /**
     * Whole lines {@code bytes[0, length)} starting with line {@code firstLine}, {@code lines} of
     * them; or, when {@code overlong}, one line that was too long (no bytes).
     */
    record Chunk(byte[] bytes, int length, long firstLine, long lines, boolean overlong) {}

    private final InputStream in;
    private final int target;
    private byte[] carry = new byte[0];
    private int carryLength;
    private boolean ended;
    private long nextLine = 1;

    LogChunks(InputStream in) {
        this(in, CHUNK_BYTES);
    }

    /** {@code target}: the chunk size to aim for (tests use small ones to cut many chunks). */
    LogChunks(InputStream in, int target) {
        this.in = in;
        this.target = Math.min(Math.max(1, target), CAPACITY);
    }

    /** The next chunk, or null at the end of the stream. */
    Chunk next() throws IOException {
        if (ended) {
            return null;
        }
        byte[] buffer = new byte[CAPACITY];
        System.arraycopy(carry, 0, buffer, 0, carryLength);
        int filled = carryLength;
        carryLength = 0;
        int want = Math.max(target, filled + 1);
        while (true) {
            filled = fill(buffer, filled, want);
            if (filled < want) {
                ended = true;
                if (filled == 0) {
                    return null;
                }
                long lines = countNewlines(buffer, filled) + (buffer[filled - 1] != '\n' ? 1 : 0);
                return chunk(buffer, filled, lines, false);
            }
            int lastNewline = lastNewline(buffer, filled);
            if (lastNewline >= 0) {
                int length = lastNewline + 1;
                keepCarry(buffer, length, filled);
                return chunk(buffer, length, countNewlines(buffer, length), false);
            }
            if (want == CAPACITY) {
                skipPastNewline(buffer);
                return chunk(null, 0, 1, true);
            }
            want = CAPACITY; // one line longer than the target: read on until it ends
        }
    }

    private Chunk chunk(byte[] bytes, int length, long lines, boolean overlong) {
        Chunk chunk = new Chunk(bytes, length, nextLine, lines, overlong);
        nextLine += lines;
        return chunk;
    }

    private void keepCarry(byte[] buffer, int from, int to) {
        int length = to - from;
        if (carry.length < length) {
            carry = new byte[Math.max(length, Math.min(CAPACITY, carry.length * 2 + 64))];
        }
        System.arraycopy(buffer, from, carry, 0, length);
        carryLength = length;
    }

    /** Reads past the end of an overlong line; what follows its newline is kept for the next chunk. */
    private void skipPastNewline(byte[] scratch) throws IOException {
        while (true) {
            int n = in.read(scratch, 0, scratch.length);
            if (n <= 0) {
                ended = true;
                return;
            }
            int newline = firstNewline(scratch, n);
            if (newline >= 0) {
                keepCarry(scratch, newline + 1, n);
                return;
            }
        }
    }

    /** Reads until {@code buffer} holds {@code want} bytes or the stream ends; returns the bytes held. */
    private int fill(byte[] buffer, int filled, int want) throws IOException {
        while (filled < want) {
            int n = in.read(buffer, filled, want - filled);
            if (n <= 0) {
                break;
            }
            filled += n;
        }
        return filled;
    }

    private static int lastNewline(byte[] bytes, int length) {
        for (int i = length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int firstNewline(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long LOW_SEVEN = 0x7F7F7F7F7F7F7F7FL;

    /** Newlines in {@code bytes[0, length)}, eight bytes at a time. */
    static long countNewlines(byte[] bytes, int length) {
        long count = 0;
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            long word = (long) LONGS.get(bytes, i) ^ NEWLINES;
            // Exact per byte (no borrow between bytes): the high bit is set where a byte was '\n'.
            long zeros = ~(((word & LOW_SEVEN) + LOW_SEVEN) | word | LOW_SEVEN);
            count += Long.bitCount(zeros);
        }
        for (; i < length; i++) {
            if (bytes[i] == '\n') {
                count++;
            }
        }
        return count;
    }
}
