package dev.armorbench.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real file appended to, rotated and truncated while it is followed. */
class FileFollowerTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private static String record(int serial, String name) {
        return "type=AVC msg=audit(1700000000.000:" + serial + "): apparmor=\"DENIED\" operation=\"open\" profile=\"p\" name=\""
                + name + "\" pid=1 comm=\"c\" requested_mask=\"r\" denied_mask=\"r\" fsuid=0 ouid=0\n";
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private final List<Long> lineNumbers = new ArrayList<>();

    /** Collects events until {@code serial} arrives; fails after {@link #PATIENCE}. */
    private List<Long> awaitSerial(EventStream stream, long serial, List<Long> seen) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!seen.contains(serial) && System.nanoTime() < deadline) {
            for (AuditEvent event : stream.poll(100, Duration.ofMillis(50))) {
                seen.add(event.record().serial());
                lineNumbers.add(event.record().line());
            }
        }
        assertThat(seen).as("serials seen while waiting for %d", serial).contains(serial);
        return seen;
    }

    @Test
    void followsAppendsRotationAndTruncation() throws Exception {
        Path log = dir.resolve("audit.log");
        append(log, record(1, "/existing") + "not a record\n");
        List<Long> seen = new ArrayList<>();
        try (EventStream stream = EventStream.start(List.of(new FileFollower(log, true, Duration.ofMillis(20))), EventFilter.ALL, 1000)) {
            awaitSerial(stream, 1, seen);

            append(log, record(2, "/appended"));
            awaitSerial(stream, 2, seen);

            // A line written in two pieces arrives once, whole.
            String split = record(3, "/split");
            append(log, split.substring(0, 40));
            Thread.sleep(100);
            append(log, split.substring(40));
            awaitSerial(stream, 3, seen);

            // logrotate: a last line, the file renamed, a new file in its place. Whether the follower
            // reads the last line before or after the rename, it reads it once, then the new file.
            append(log, record(4, "/last-in-old-file"));
            Files.move(log, dir.resolve("audit.log.1"));
            append(log, record(5, "/new-file") + record(6, "/new-file-again"));
            awaitSerial(stream, 4, seen);
            awaitSerial(stream, 6, seen);

            // copytruncate: the same file is cut to nothing and written again from the start.
            try (FileChannel channel = FileChannel.open(log, StandardOpenOption.WRITE)) {
                channel.truncate(0);
            }
            append(log, record(7, "/t"));
            awaitSerial(stream, 7, seen);

            assertThat(seen).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
            // Line numbers are those of the file the line is in: they restart after rotation and truncation.
            assertThat(lineNumbers).containsExactly(1L, 3L, 4L, 5L, 1L, 2L, 1L);
            assertThat(stream.skips().count(SkipReason.NOT_APPARMOR)).isEqualTo(1);
            assertThat(stream.dropped()).isZero();
        }
    }

    @Test
    void startsAtTheEndWhenAskedForNewLinesOnly() throws Exception {
        Path log = dir.resolve("kern.log");
        append(log, record(1, "/old"));
        List<Long> seen = new ArrayList<>();
        FileFollower follower = new FileFollower(log, false, Duration.ofMillis(20));
        try (EventStream stream = EventStream.start(List.of(follower), EventFilter.ALL, 1000)) {
            // Keep appending until the follower, which starts at the end, has picked one up.
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            int serial = 100;
            while (seen.isEmpty() && System.nanoTime() < deadline) {
                append(log, record(serial++, "/new"));
                stream.poll(100, Duration.ofMillis(100)).forEach(e -> seen.add(e.record().serial()));
            }
            assertThat(seen).isNotEmpty().doesNotContain(1L);
        }
    }
}
