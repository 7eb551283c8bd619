package dev.armorbench.audit;

import java.io.IOException;

/**
 * Something that yields log lines until it ends or is closed: a followed file, a
 * {@code journalctl -f} pipe, {@code /dev/kmsg}. {@link #run} blocks on the calling thread;
 * {@link #close} from another thread makes it return.
 */
public interface LineSource extends AutoCloseable {
    /** How events from this source name it ({@code source} in JSON). */
    String name();

    /** Feeds every line to {@code sink} until the source ends or is closed. */
    void run(LineSplitter.LineSink sink) throws IOException, InterruptedException;

    @Override
    void close();
}
