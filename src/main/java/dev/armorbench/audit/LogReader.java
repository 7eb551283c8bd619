package dev.armorbench.audit;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Reads a whole log (a file, a pipe, stdin) into events, in input order, counting the lines it
 * skips. Memory stays flat in the size of the log: one read buffer, one line at a time.
 */
public final class LogReader {
    private static final int BUFFER_BYTES = 256 * 1024;

    private final LogLineParser parser = new LogLineParser();
    private final LineSplitter splitter = new LineSplitter();
    private final SkipCounts skips = new SkipCounts();
    private long lines;

    public SkipCounts skips() {
        return skips;
    }

    /** Lines read so far, skipped ones included. */
    public long lines() {
        return lines;
    }

    /** Reads {@code in} to its end; {@code source} is how events name it. Does not close {@code in}. */
    public void read(InputStream in, String source, Consumer<? super AuditEvent> sink) throws IOException {
        byte[] buffer = new byte[BUFFER_BYTES];
        LineSplitter.LineSink lineSink = lineSink(source, sink);
        int n;
        while ((n = in.read(buffer)) > 0) {
            splitter.feed(buffer, 0, n, lineSink);
        }
        splitter.finish(lineSink);
    }

    /** A sink that numbers lines of {@code source} and parses them; shared with the live sources. */
    LineSplitter.LineSink lineSink(String source, Consumer<? super AuditEvent> sink) {
        return new LineSplitter.LineSink() {
            private long lineNumber;

            @Override
            public void line(byte[] bytes, int offset, int length) {
                lineNumber++;
                lines++;
                AuditEvent event = parser.parseEvent(bytes, offset, length, source, lineNumber);
                if (event == null) {
                    skips.add(parser.lastSkipReason());
                } else {
                    sink.accept(event);
                }
            }

            @Override
            public void overlong() {
                lineNumber++;
                lines++;
                skips.add(SkipReason.TOO_LONG);
            }
        };
    }
}
