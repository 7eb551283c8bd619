package dev.armorbench.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamFollowerTest {
    @TempDir
    Path dir;

    private static List<AuditEvent> drain(EventStream stream) throws InterruptedException {
        List<AuditEvent> events = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (stream.isActive() && System.nanoTime() < deadline) {
            events.addAll(stream.poll(1000, Duration.ofMillis(100)));
        }
        return events;
    }

    @Test
    void readsJournalJsonFromACommand() throws Exception {
        Path journal = dir.resolve("journal.json");
        Files.writeString(journal, String.join("\n",
                "{\"MESSAGE\":\"audit: type=1400 audit(1700000000.100:7): apparmor=\\\"DENIED\\\" operation=\\\"open\\\""
                        + " profile=\\\"p\\\" name=\\\"/etc/x\\\" pid=3 comm=\\\"c\\\"\",\"_TRANSPORT\":\"kernel\"}",
                "{\"MESSAGE\":\"Started something.\",\"_TRANSPORT\":\"journal\"}",
                "{\"_AUDIT_TYPE\":\"1400\",\"_AUDIT_ID\":\"8\",\"__REALTIME_TIMESTAMP\":\"1700000001000000\",\"MESSAGE\":\"AVC apparmor=\\\"ALLOWED\\\""
                        + " operation=\\\"exec\\\" profile=\\\"p\\\" name=\\\"/bin/sh\\\" target=\\\"p//null-/bin/sh\\\"\",\"_TRANSPORT\":\"audit\"}",
                ""));
        try (EventStream stream = EventStream.start(
                List.of(StreamFollower.ofCommand("journal", List.of("cat", journal.toString()))), EventFilter.ALL, 100)) {
            List<AuditEvent> events = drain(stream);
            assertThat(events).extracting(e -> e.record().serial()).containsExactly(7L, 8L);
            assertThat(events.get(1)).isInstanceOf(AuditEvent.Transition.class);
            assertThat(events.get(1).record().source()).isEqualTo("journal");
            assertThat(stream.skips().count(SkipReason.NOT_APPARMOR)).isEqualTo(1);
            assertThat(stream.failures()).isEmpty();
        }
    }

    @Test
    void reportsACommandThatFails() throws Exception {
        try (EventStream stream = EventStream.start(
                List.of(StreamFollower.ofCommand("journal", List.of("sh", "-c", "echo 'No journal files were found.' >&2; exit 1"))),
                EventFilter.ALL, 100)) {
            drain(stream);
            assertThat(stream.failures()).singleElement().asString().contains("No journal files were found.");
        }
    }

    @Test
    void followsTheKernelLogAndStopsWhenClosed() throws Exception {
        Path kmsg = Path.of("/dev/kmsg");
        assumeTrue(canOpen(kmsg), "/dev/kmsg is not readable here (kernel.dmesg_restrict, or not root); skipping");
        EventStream stream = EventStream.start(List.of(StreamFollower.ofDevice(kmsg.toString())), EventFilter.ALL, 100);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (stream.lines() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(stream.lines()).as("lines read from the kernel's ring buffer").isPositive();
        // The reader is now blocked waiting for the next kernel message: closing must wake it.
        stream.close();
        assertThat(stream.isReading()).as("still reading /dev/kmsg after close").isFalse();
    }

    private static boolean canOpen(Path path) {
        try (InputStream in = new FileInputStream(path.toFile())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
