package dev.armorbench.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.concurrent.CompletableFuture;

/**
 * A regular file cut into regions of {@code regionBytes} that parser threads read on their own,
 * with positional reads, so the bytes land in the cache of the core that parses them and no thread
 * has to read for the others.
 *
 * <p>A region owns the lines that start in it: a line that crosses into the next region is read
 * to its end by the region where it starts, and the next region skips to its first newline. A
 * line longer than a record can be ({@link LineSplitter#MAX_LINE_BYTES}) is read only far enough
 * to know that. So the regions together give exactly the lines of reading the file as a stream.
 * The file is read as long as it was when reading began.
 */
final class FileRegions {
    private final FileChannel channel;
    private final long size;
    private final int regionBytes;
    private CompletableFuture<Long> nextFirstLine = CompletableFuture.completedFuture(1L);

    /** One region: its bytes {@code [start, end)} of the file, and the links that number its lines. */
    record Region(long start, long end, CompletableFuture<Long> firstLine, CompletableFuture<Long> nextFirstLine) {}

    FileRegions(FileChannel channel, long size, int regionBytes) {
        this.channel = channel;
        this.size = size;
        this.regionBytes = Math.max(1, regionBytes);
    }

    long count() {
        return (size + regionBytes - 1) / regionBytes;
    }

    /** Region {@code index}; call for 0, 1, 2… in order, on one thread: each links its numbering to the one before. */
    Region region(long index) {
        long start = index * regionBytes;
        CompletableFuture<Long> after = new CompletableFuture<>();
        Region region = new Region(start, Math.min(size, start + regionBytes), nextFirstLine, after);
        nextFirstLine = after;
        return region;
    }

    /** A buffer large enough for any region's lines: the region, the byte before it and the longest record after it. */
    int bufferBytes() {
        return regionBytes + LineSplitter.MAX_LINE_BYTES + 3;
    }

    /**
     * Reads the lines that start in {@code region} into {@code buffer} (of {@link #bufferBytes()})
     * and returns them as a chunk; safe on any thread, one buffer per thread.
     */
    LogChunks.Chunk load(Region region, byte[] buffer) throws IOException {
        long from = Math.max(0, region.start() - 1); // the byte before: is the region's first byte a line start?
        int filled = readAt(buffer, 0, (int) (region.end() - from), from);
        int firstLine;
        if (region.start() == 0) {
            firstLine = 0;
        } else {
            int newline = ByteRuns.indexOfNewline(buffer, 0, filled);
            firstLine = newline < 0 ? filled : newline + 1;
        }
        if (firstLine >= filled) {
            // No line starts here: the region lies inside a line that began before it.
            return chunk(buffer, 0, 0, region);
        }
        if (buffer[filled - 1] != '\n') {
            filled = readLastLineToItsEnd(buffer, firstLine, filled, from);
        }
        return chunk(buffer, firstLine, filled - firstLine, region);
    }

    /**
     * Reads on past the region until its last line ends: at a newline, at the end of the file, or
     * once the line is longer than a record can be (it is then cut there, and is parsed as too long).
     */
    private int readLastLineToItsEnd(byte[] buffer, int firstLine, int filled, long from) throws IOException {
        int lastLine = lastLineStart(buffer, firstLine, filled);
        int limit = lastLine + LineSplitter.MAX_LINE_BYTES + 2; // one byte more than any line that is not too long
        while (filled < limit) {
            int read = readAt(buffer, filled, Math.min(limit - filled, 8192), from + filled);
            if (read == 0) {
                return filled; // the end of the file
            }
            int newline = ByteRuns.indexOfNewline(buffer, filled, filled + read);
            if (newline >= 0) {
                return newline + 1;
            }
            filled += read;
        }
        return limit;
    }

    private static int lastLineStart(byte[] buffer, int firstLine, int filled) {
        for (int i = filled - 1; i >= firstLine; i--) {
            if (buffer[i] == '\n') {
                return i + 1;
            }
        }
        return firstLine;
    }

    /** Reads up to {@code length} bytes at file position {@code position}; fewer only at the end of the file. */
    private int readAt(byte[] buffer, int offset, int length, long position) throws IOException {
        ByteBuffer target = ByteBuffer.wrap(buffer, offset, length);
        long at = position;
        while (target.hasRemaining() && at < size) {
            int n = channel.read(target, at);
            if (n < 0) {
                break; // the file was cut short while being read
            }
            at += n;
        }
        return (int) (at - position);
    }

    private static LogChunks.Chunk chunk(byte[] buffer, int offset, int length, Region region) {
        return new LogChunks.Chunk(buffer, offset, length, false, region.firstLine(), region.nextFirstLine());
    }
}
