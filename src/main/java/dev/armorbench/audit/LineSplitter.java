package dev.armorbench.audit;

import java.util.Arrays;

/**
 * Cuts a byte stream into text lines, chunk by chunk, in constant memory: a line longer than
 * {@link #MAX_LINE_BYTES} is dropped while it streams past (and reported once), so a 1 MB line
 * or a log without newlines never grows a buffer. Lines are handed on as bytes: the parser reads
 * them without first making a string of the whole line.
 */
public final class LineSplitter {
    /** Room for the longest record plus syslog prefix, in bytes of UTF-8. */
    static final int MAX_LINE_BYTES = LogLineParser.MAX_LINE_CHARS;

    public interface LineSink {
        /** One line, without its newline, as UTF-8 bytes {@code bytes[offset, offset + length)}. */
        void line(byte[] bytes, int offset, int length);

        void overlong();

        /** The followed file was rotated or truncated: what follows is line 1 of a new file. */
        default void restarted() {}
    }

    private byte[] pending = new byte[4096];
    private int pendingLength;
    private boolean dropping;

    /** Feeds {@code bytes[offset, offset + length)}; every complete line goes to {@code sink}. */
    void feed(byte[] bytes, int offset, int length, LineSink sink) {
        int end = offset + length;
        int start = offset;
        while (start < end) {
            int newline = ByteRuns.indexOfNewline(bytes, start, end);
            if (newline < 0) {
                keep(bytes, start, end - start);
                return;
            }
            if (pendingLength == 0 && !dropping) {
                emit(bytes, start, newline, sink);
            } else {
                keep(bytes, start, newline - start);
                if (dropping) {
                    dropping = false;
                    sink.overlong();
                } else {
                    emit(pending, 0, pendingLength, sink);
                }
                pendingLength = 0;
            }
            start = newline + 1;
        }
    }

    /** Emits a last line that had no newline, if any. */
    void finish(LineSink sink) {
        if (dropping) {
            sink.overlong();
        } else if (pendingLength > 0) {
            emit(pending, 0, pendingLength, sink);
        }
        dropping = false;
        pendingLength = 0;
    }

    /** Forgets a partial line, for a followed file that was truncated or replaced. */
    void reset() {
        dropping = false;
        pendingLength = 0;
    }

    private void keep(byte[] bytes, int start, int length) {
        if (dropping) {
            return;
        }
        if (pendingLength + length > MAX_LINE_BYTES) {
            dropping = true;
            pendingLength = 0;
            return;
        }
        if (pendingLength + length > pending.length) {
            pending = Arrays.copyOf(pending, Math.min(MAX_LINE_BYTES, Math.max(pending.length * 2, pendingLength + length)));
        }
        System.arraycopy(bytes, start, pending, pendingLength, length);
        pendingLength += length;
    }

    private static void emit(byte[] bytes, int start, int end, LineSink sink) {
        int length = lineLength(bytes, start, end);
        if (length < 0) {
            sink.overlong();
        } else {
            sink.line(bytes, start, length);
        }
    }

    /**
     * The length of the line {@code bytes[start, end)} without a carriage return at its end, or -1
     * when it is too long to be a record.
     */
    static int lineLength(byte[] bytes, int start, int end) {
        return lineLength(start, end, textEnd(bytes, start, end));
    }

    /** As {@link #lineLength(byte[], int, int)}, for a caller that found the line's {@link #textEnd} already. */
    static int lineLength(int start, int end, int textEnd) {
        return end - start > MAX_LINE_BYTES ? -1 : textEnd - start;
    }

    /** Where the text of the line {@code bytes[start, end)} ends: before a carriage return that ends it (CRLF), else at {@code end}. */
    static int textEnd(byte[] bytes, int start, int end) {
        return end > start && bytes[end - 1] == '\r' ? end - 1 : end;
    }
}
