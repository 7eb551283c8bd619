package dev.armorbench.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Lines from a stream that blocks until there is more: the output of {@code journalctl -f} or
 * {@code dmesg}, or the {@code /dev/kmsg} device (where every read returns one record).
 */
public final class StreamFollower implements LineSource {
    private final String name;
    private final List<String> command;
    private final String device;
    private volatile Process process;
    private volatile InputStream stream;
    private volatile boolean closed;
    private volatile String stderrTail = "";
    private volatile Thread stderrReader;

    private StreamFollower(String name, List<String> command, String device) {
        this.name = name;
        this.command = command;
        this.device = device;
    }

    /** The standard output of a command, read until the command ends. */
    public static StreamFollower ofCommand(String name, List<String> command) {
        return new StreamFollower(name, List.copyOf(command), null);
    }

    /** An already open stream, such as standard input; {@code name} is how events name it. */
    public static StreamFollower ofStream(String name, InputStream in) {
        StreamFollower follower = new StreamFollower(name, null, null);
        follower.stream = in;
        return follower;
    }

    /** A character device such as {@code /dev/kmsg}. */
    public static StreamFollower ofDevice(String device) {
        return new StreamFollower(device, null, device);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void run(LineSplitter.LineSink sink) throws IOException, InterruptedException {
        LineSplitter splitter = new LineSplitter();
        byte[] buffer = new byte[64 * 1024];
        if (command != null) {
            process = new ProcessBuilder(command).start();
            stream = process.getInputStream();
            Thread errors = new Thread(this::keepStderrTail, "stderr of " + command.get(0));
            errors.setDaemon(true);
            errors.start();
            stderrReader = errors;
        } else if (device != null) {
            // Through a channel: closing it from another thread wakes a read blocked on the
            // device, which closing a FileInputStream would not.
            stream = Channels.newInputStream(FileChannel.open(Path.of(device), StandardOpenOption.READ));
        }
        try (InputStream in = stream) {
            while (!closed) {
                int n;
                try {
                    n = in.read(buffer);
                } catch (IOException e) {
                    if (closed || e instanceof java.nio.channels.ClosedChannelException) {
                        break;
                    }
                    if (device != null && "Broken pipe".equals(e.getMessage())) {
                        continue; // /dev/kmsg: records were overwritten before we read them
                    }
                    throw e;
                }
                if (n < 0) {
                    break;
                }
                splitter.feed(buffer, 0, n, sink);
            }
            splitter.finish(sink);
        } finally {
            Process p = process;
            if (p != null) {
                // Let a command that ended its output end by itself: destroying it closes its
                // stderr before its last words (the reason it failed) are read.
                if (closed || !p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroy();
                    if (!p.waitFor(2, TimeUnit.SECONDS)) {
                        p.destroyForcibly();
                        p.waitFor(2, TimeUnit.SECONDS);
                    }
                }
                Thread errors = stderrReader;
                if (errors != null) {
                    errors.join(2000); // what the command said on its way out
                }
                if (!closed && !p.isAlive() && p.exitValue() != 0 && !stderrTail.isBlank()) {
                    throw new IOException(command.get(0) + ": " + stderrTail.strip());
                }
            }
        }
    }

    private void keepStderrTail() {
        try (InputStream err = process.getErrorStream()) {
            byte[] buffer = new byte[4096];
            int n;
            while ((n = err.read(buffer)) > 0) {
                stderrTail = new String(buffer, 0, n, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            // The process ended; whatever it said last is kept.
        }
    }

    @Override
    public void close() {
        closed = true;
        Process p = process;
        if (p != null) {
            p.destroy();
        }
        InputStream s = stream;
        if (s != null && device != null) {
            try {
                s.close();
            } catch (IOException e) {
                // Closing only to unblock the reader.
            }
        }
    }
}
