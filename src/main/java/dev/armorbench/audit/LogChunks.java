package dev.armorbench.audit;

import java.io.IOException;
import java.io.InputStream;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Cuts a byte stream into chunks of whole lines, so each chunk can be parsed on its own thread:
 * a chunk ends just after a newline (or at the end of the stream), and is linked to the chunk
 * before for its line numbers. A line too long to be a record is not kept: it becomes a chunk of
 * its own that only says "one overlong line", as {@link LineSplitter} would report it.
 *
 * <p>A stream that may stall (a pipe whose writer is slow: {@code tail -f | …}) is not waited on
 * to fill a chunk when it has nothing more at hand: the whole lines already there make a shorter
 * chunk, so their events reach the reader's user while the writer is still quiet. A file is read
 * to full chunks, and one smaller than a chunk is known to be whole at once ({@link #ended()}).
 */
final class LogChunks {
    /**
     * The default size of a chunk, about two thousand lines: each chunk costs a hand-over between
     * threads (a wake-up, tens of microseconds on a virtual machine), and 512 KiB chunks used
     * about a tenth less CPU per line than 128 KiB ones; the few in flight still fit a 10 MB heap.
     */
    static final int CHUNK_BYTES = 512 * 1024;
    /** Room for a line of {@link LineSplitter#MAX_LINE_BYTES} plus its newline, whatever the chunk size. */
    private static final int MIN_CAPACITY = LineSplitter.MAX_LINE_BYTES + 2;

    /**
     * Whole lines {@code bytes[offset, offset + length)}; or, when {@code overlong}, one line that
     * was too long (no bytes). Its line numbers are not known when it is cut: finding its lines is
     * left to the thread that parses it, so the thread that reads stays free. {@code firstLine}
     * completes when the chunk before has been counted, and this chunk completes
     * {@code nextFirstLine}. {@link FileRegions} makes chunks too, one per region of a file.
     */
    record Chunk(byte[] bytes, int offset, int length, boolean overlong, CompletableFuture<Long> firstLine,
            CompletableFuture<Long> nextFirstLine) {

        /**
         * This chunk's first line number, once the chunk before has been numbered (an earlier task
         * has already started on it); hands the next chunk {@code first + lines}.
         */
        long numberAfterCounting(long lines) throws InterruptedException {
            try {
                long first = firstLine.get();
                nextFirstLine.complete(first + lines);
                return first;
            } catch (ExecutionException e) {
                nextFirstLine.completeExceptionally(e.getCause());
                throw new IllegalStateException("the chunk before could not be numbered", e.getCause());
            }
        }
    }

    private final InputStream in;
    private final int target;
    private final int capacity;
    private byte[] carry = new byte[0];
    private int carryLength;
    private boolean ended;
    /** The last {@link #fill} met the end of the stream. */
    private boolean atEnd;
    private CompletableFuture<Long> nextFirstLine = CompletableFuture.completedFuture(1L);
    /** Buffers of chunks already parsed, handed back by the parsing threads to be filled again. */
    private final Queue<byte[]> spare = new ConcurrentLinkedQueue<>();
    private final boolean mayStall;

    /**
     * {@code target}: the chunk size to aim for (tests use small ones to cut many chunks);
     * {@code mayStall}: whether the stream's writer may keep it waiting (a pipe, a device, stdin).
     */
    LogChunks(InputStream in, int target, boolean mayStall) {
        this.in = in;
        this.mayStall = mayStall;
        this.target = Math.max(1, target);
        this.capacity = Math.max(this.target, MIN_CAPACITY);
    }

    /** The next chunk, or null at the end of the stream. */
    Chunk next() throws IOException {
        if (ended) {
            return null;
        }
        byte[] buffer = spare.poll();
        if (buffer == null) {
            buffer = new byte[capacity];
        }
        System.arraycopy(carry, 0, buffer, 0, carryLength);
        int filled = carryLength;
        carryLength = 0;
        int want = Math.max(target, filled + 1);
        while (true) {
            filled = fill(buffer, filled, want);
            if (atEnd) {
                ended = true;
                if (filled == 0) {
                    return null;
                }
                return chunk(buffer, filled, false);
            }
            int lastNewline = lastNewline(buffer, filled);
            if (lastNewline >= 0) {
                int length = lastNewline + 1;
                keepCarry(buffer, length, filled);
                return chunk(buffer, length, false);
            }
            if (want == capacity) {
                skipPastNewline(buffer);
                return chunk(null, 0, true);
            }
            want = capacity; // one line longer than the target: read on until it ends
        }
    }

    /**
     * Hands back the bytes of a chunk that has been parsed, so the next chunk reuses them instead
     * of a fresh buffer (a quarter of a gigabyte of zeroed arrays for a 250 MB log). Safe from any
     * thread; the caller must not touch the array again.
     */
    void recycle(Chunk chunk) {
        if (chunk.bytes() != null) {
            spare.offer(chunk.bytes());
        }
    }

    private Chunk chunk(byte[] bytes, int length, boolean overlong) {
        CompletableFuture<Long> after = new CompletableFuture<>();
        Chunk chunk = new Chunk(bytes, 0, length, overlong, nextFirstLine, after);
        nextFirstLine = after;
        return chunk;
    }

    private void keepCarry(byte[] buffer, int from, int to) {
        int length = to - from;
        if (carry.length < length) {
            carry = new byte[Math.max(length, Math.min(capacity, carry.length * 2 + 64))];
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

    /** Whether the stream has ended: {@link #next} has nothing more to give. */
    boolean ended() {
        return ended;
    }

    /**
     * Whether reading the next chunk may wait for the stream's writer: it may stall, and nothing is
     * at hand now (which is also how its end looks, where the wait is none).
     */
    boolean wouldWait() {
        return mayStall && !ended && atHand(in) == 0;
    }

    /**
     * The bytes {@code in} has at hand now. A stream that cannot tell is taken to have some (1), so
     * it is read to full chunks: the cost is only that a slow writer's lines wait for a chunk's worth.
     */
    static int atHand(InputStream in) {
        try {
            return in.available();
        } catch (IOException e) {
            return 1;
        }
    }

    /**
     * Reads until {@code buffer} holds {@code want} bytes, the stream ends ({@link #atEnd}), or a
     * stream that may stall has nothing more at hand while the buffer holds a whole line; returns
     * the bytes held.
     */
    private int fill(byte[] buffer, int filled, int want) throws IOException {
        atEnd = false;
        while (filled < want) {
            int n = in.read(buffer, filled, want - filled);
            if (n <= 0) {
                atEnd = true;
                break;
            }
            filled += n;
            if (mayStall && filled < want && atHand(in) == 0 && lastNewline(buffer, filled) >= 0) {
                break;
            }
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
        return ByteRuns.indexOfNewline(bytes, 0, length);
    }
}
