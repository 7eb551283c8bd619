package dev.armorbench.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Objects;

/**
 * Follows a log file the way {@code tail -F} does: reads what is appended, and keeps going when
 * logrotate renames the file and a new one appears (the old file is read to its end first), or
 * when the file is truncated in place ({@code copytruncate}). Polls, because inotify is not
 * reachable from Java and a poll every quarter second is cheap.
 */
public final class FileFollower implements LineSource {
    private final Path path;
    private final boolean fromStart;
    private final long pollMillis;
    private volatile boolean closed;

    /**
     * @param fromStart read what the file already holds (true) or only what is added (false)
     * @param poll how long to wait when there is nothing new
     */
    public FileFollower(Path path, boolean fromStart, Duration poll) {
        this.path = Objects.requireNonNull(path);
        this.fromStart = fromStart;
        this.pollMillis = Math.max(1, poll.toMillis());
    }

    @Override
    public String name() {
        return path.toString();
    }

    @Override
    public void run(LineSplitter.LineSink sink) throws IOException, InterruptedException {
        LineSplitter splitter = new LineSplitter();
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        boolean first = true;
        while (!closed) {
            FileChannel channel = open();
            if (channel == null) {
                Thread.sleep(pollMillis); // rotated away and not yet recreated
                continue;
            }
            try (channel) {
                Object identity = identity(channel);
                long position = first && !fromStart ? channel.size() : 0;
                if (!first) {
                    sink.restarted();
                }
                first = false;
                splitter.reset();
                while (!closed) {
                    long size = channel.size();
                    if (size < position) {
                        // Truncated in place: start again from the top of what is there now.
                        position = 0;
                        splitter.reset();
                        sink.restarted();
                    }
                    int read = 0;
                    if (size > position) {
                        buffer.clear();
                        read = channel.read(buffer, position);
                        if (read > 0) {
                            position += read;
                            splitter.feed(buffer.array(), 0, read, sink);
                        }
                    }
                    if (read <= 0) {
                        if (replaced(identity)) {
                            splitter.finish(sink);
                            break; // the old file is drained; open the new one from its start
                        }
                        Thread.sleep(pollMillis);
                    }
                }
            }
        }
    }

    private FileChannel open() throws IOException {
        try {
            return FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private Object identity(FileChannel channel) throws IOException {
        Object key = fileKey();
        return key != null ? key : channel; // no inode on this file system: never "replaced"
    }

    private Object fileKey() throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** True when the path now names another file (rotated) or none (rotated, not yet recreated). */
    private boolean replaced(Object identity) throws IOException {
        Object now = fileKey();
        return now == null || !now.equals(identity);
    }

    @Override
    public void close() {
        closed = true;
    }
}
