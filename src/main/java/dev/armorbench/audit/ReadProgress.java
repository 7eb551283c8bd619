package dev.armorbench.audit;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalDouble;

/**
 * How far a reading of one or more logs has come, for a progress display: lines read, and bytes
 * of the files as they lie on disk (a gzip'd log counts its compressed bytes), against their size
 * when it is known. Written by the reading's one calling thread, once per chunk or buffer, never
 * per line; read from any thread.
 */
public final class ReadProgress {
    private volatile long lines;
    private volatile long bytes;
    private volatile long expectedBytes = -1;
    private volatile String file = "";
    private volatile int fileNumber;
    private volatile int files;

    /** The bytes all the logs of this reading hold together; -1 when one of them is a pipe or a device. */
    public void expectBytes(long total) {
        expectedBytes = total;
    }

    /** The reading moves on to {@code name}, the {@code number}th of {@code count} logs (counted from 1). */
    public void startFile(String name, int number, int count) {
        file = name;
        fileNumber = number;
        files = count;
    }

    /** Lines read so far, by every file of the reading. */
    public long lines() {
        return lines;
    }

    /** Bytes of the logs read so far. */
    public long bytes() {
        return bytes;
    }

    /** How much of the logs is read, from 0 to 1; empty when their size is not known. */
    public OptionalDouble fraction() {
        long expected = expectedBytes;
        return expected <= 0 ? OptionalDouble.empty() : OptionalDouble.of(Math.min(1.0, (double) bytes / expected));
    }

    /** The file being read now, empty before the first. */
    public String file() {
        return file;
    }

    public int fileNumber() {
        return fileNumber;
    }

    public int files() {
        return files;
    }

    /** {@code 45%}, or an empty text when the size is not known. */
    public String percent() {
        OptionalDouble done = fraction();
        return done.isPresent() ? (int) Math.floor(done.getAsDouble() * 100) + "%" : "";
    }

    /** {@code kern.log.1 (2 of 3): 1,234,567 lines}; the file's place only when there are several. */
    public String describe() {
        String place = files > 1 ? " (" + fileNumber + " of " + files + ")" : "";
        return file + place + ": " + linesRead();
    }

    /** {@code 1,234,567 lines}. */
    public String linesRead() {
        long read = lines;
        return String.format("%,d", read) + (read == 1 ? " line" : " lines");
    }

    void addLines(long more) {
        lines += more; // one writer: the reading's calling thread
    }

    void addBytes(long more) {
        bytes += more;
    }

    /** {@code in}, counting what is read from it into {@link #bytes()}. */
    InputStream counting(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    addBytes(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    addBytes(n);
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                long skipped = super.skip(n);
                addBytes(skipped);
                return skipped;
            }
        };
    }
}
