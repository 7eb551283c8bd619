package dev.armorbench.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reading says how far it has come, in lines and in bytes of the file as it lies on disk. */
class ReadProgressTest {
    private static final String RECORD = "type=AVC msg=audit(1700000000.250:%d): apparmor=\"DENIED\" operation=\"open\""
            + " profile=\"p\" name=\"/etc/x%d\" pid=7 comm=\"c\" requested_mask=\"r\" denied_mask=\"r\" fsuid=0 ouid=0\n";
    private static final int LINES = 5_000;

    @TempDir
    Path temp;

    @Test
    void aFileReadInRegionsOnTwoThreadsEndsAtItsSizeAndLineCountMovingOnlyForward() throws IOException {
        Path log = log("audit.log");
        ReadProgress progress = new ReadProgress();
        progress.expectBytes(Files.size(log));
        List<long[]> seen = new ArrayList<>();
        new LogReader(2, 64 * 1024).reportingTo(progress).read(log, "audit.log",
                event -> seen.add(new long[] {progress.lines(), progress.bytes()}));

        assertThat(progress.lines()).isEqualTo(LINES);
        assertThat(progress.bytes()).isEqualTo(Files.size(log));
        assertThat(progress.fraction()).hasValue(1.0);
        assertThat(progress.percent()).isEqualTo("100%");
        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i)[0]).isGreaterThanOrEqualTo(seen.get(i - 1)[0]);
            assertThat(seen.get(i)[1]).isGreaterThanOrEqualTo(seen.get(i - 1)[1]);
        }
        assertThat(seen.get(0)[1]).as("part of the file, while its first events are handed on").isLessThan(Files.size(log));
    }

    @Test
    void aFileReadOnOneThreadCountsTheSame() throws IOException {
        Path log = log("kern.log");
        LogReader reader = new LogReader(1);
        reader.read(log, "kern.log", event -> { });

        assertThat(reader.progress().lines()).isEqualTo(LINES);
        assertThat(reader.progress().bytes()).isEqualTo(Files.size(log));
        assertThat(reader.progress().fraction()).as("no size was expected").isEmpty();
        assertThat(reader.progress().percent()).isEmpty();
    }

    @Test
    void aGzipLogCountsItsCompressedBytes() throws IOException {
        Path plain = log("kern.log.1");
        Path gzip = temp.resolve("kern.log.2.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzip))) {
            out.write(Files.readAllBytes(plain));
        }
        for (int threads : new int[] {1, 2}) {
            ReadProgress progress = new ReadProgress();
            progress.expectBytes(Files.size(gzip));
            new LogReader(threads).reportingTo(progress).read(gzip, "kern.log.2.gz", event -> { });

            assertThat(progress.lines()).isEqualTo(LINES);
            assertThat(progress.bytes()).as("%d threads", threads).isEqualTo(Files.size(gzip));
            assertThat(progress.percent()).isEqualTo("100%");
        }
    }

    @Test
    void severalLogsAddUpAndNameTheOneBeingRead() throws IOException {
        Path older = log("kern.log.1");
        Path newer = log("kern.log");
        ReadProgress progress = new ReadProgress();
        progress.expectBytes(Files.size(older) + Files.size(newer));
        LogReader reader = new LogReader().reportingTo(progress);
        progress.startFile("kern.log.1", 1, 2);
        reader.read(older, "kern.log.1", event -> { });
        assertThat(progress.percent()).isEqualTo("50%");
        progress.startFile("kern.log", 2, 2);
        reader.read(newer, "kern.log", event -> { });

        assertThat(progress.lines()).isEqualTo(2 * LINES);
        assertThat(progress.percent()).isEqualTo("100%");
        assertThat(progress.describe()).isEqualTo("kern.log (2 of 2): 10,000 lines");
    }

    private Path log(String name) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < LINES; i++) {
            text.append(String.format(RECORD, i, i));
        }
        Path log = temp.resolve(name);
        Files.writeString(log, text, StandardCharsets.UTF_8);
        return log;
    }
}
