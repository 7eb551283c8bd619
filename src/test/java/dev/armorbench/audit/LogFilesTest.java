package dev.armorbench.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files named as logs: text, gzip'd rotated logs, and what is refused with its fix. */
class LogFilesTest {
    private static final String RECORD = "type=AVC msg=audit(1795919128.876:%d): apparmor=\"DENIED\" operation=\"open\""
            + " profile=\"web\" name=\"/srv/%d\" pid=146 comm=\"cat\" requested_mask=\"r\" denied_mask=\"r\" fsuid=0 ouid=0\n";

    @TempDir
    Path dir;

    private static String log(int records) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= records; i++) {
            text.append(String.format(RECORD, i, i));
        }
        return text.toString();
    }

    private static List<Long> serials(LogReader reader, Path file) throws IOException {
        List<Long> serials = new ArrayList<>();
        reader.read(file, file.toString(), event -> serials.add(event.record().serial()));
        return serials;
    }

    private Path gzip(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(bytes);
        }
        return file;
    }

    @Test
    void aGzipLogReadsAsItsTextDoesOnOneThreadAndOnMany() throws IOException {
        // Large enough for several chunks once unpacked, so the parallel reading of a stream is used.
        String text = log(20_000);
        Path plain = Files.writeString(dir.resolve("kern.log"), text);
        Path packed = gzip("kern.log.2.gz", text.getBytes(StandardCharsets.UTF_8));
        assertThat(LogFiles.formOf(packed)).isEqualTo(LogFiles.Form.GZIP);
        assertThat(LogFiles.formOf(plain)).isEqualTo(LogFiles.Form.TEXT);
        List<Long> expected = serials(new LogReader(1), plain);
        assertThat(expected).hasSize(20_000);
        assertThat(serials(new LogReader(1), packed)).isEqualTo(expected);
        assertThat(serials(new LogReader(2), packed)).isEqualTo(expected);
    }

    @Test
    void aGzipLogCutShortGivesWhatWasReadThenSaysSo() throws IOException {
        Path whole = gzip("whole.gz", log(5_000).getBytes(StandardCharsets.UTF_8));
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.gz"), Arrays.copyOf(bytes, bytes.length / 2));
        List<Long> serials = new ArrayList<>();
        assertThatThrownBy(() -> new LogReader(1).read(cut, "cut.gz", event -> serials.add(event.record().serial())))
                .isInstanceOf(UnreadableLogException.class)
                .hasMessageStartingWith(cut + " is gzip data cut short or damaged")
                .hasMessageContaining("the lines before that were read");
        assertThat(serials).isNotEmpty().hasSizeLessThan(5_000).startsWith(1L, 2L, 3L);
    }

    @Test
    void whatIsNoTextLogIsRefusedWithTheWayToItsText() throws IOException {
        assertThatThrownBy(() -> LogFiles.formOf(dir)).isInstanceOf(UnreadableLogException.class)
                .hasMessage(dir + " is a directory: name a log file in it, such as audit.log, kern.log or syslog.");
        assertThatThrownBy(() -> new LogReader().read(dir, "dir", event -> { }))
                .isInstanceOf(UnreadableLogException.class);

        Path journal = Files.write(dir.resolve("system.journal"), new byte[] {'L', 'P', 'K', 'S', 'H', 'H', 'R', 'H', 0, 1});
        assertThatThrownBy(() -> LogFiles.formOf(journal)).isInstanceOf(UnreadableLogException.class)
                .hasMessageContaining("binary systemd journal")
                .hasMessageEndingWith("journalctl --file " + journal + " -k -o short > kernel.log");

        Path xz = Files.write(dir.resolve("kern.log.1.xz"), new byte[] {(byte) 0xfd, '7', 'z', 'X', 'Z', 0, 0, 4});
        Path zstd = Files.write(dir.resolve("kern.log.1.zst"), new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd, 0});
        Path bzip2 = Files.write(dir.resolve("kern.log.1.bz2"), "BZh91AY&SY".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> LogFiles.formOf(xz)).hasMessageEndingWith("xz -dc " + xz + " > kernel.log");
        assertThatThrownBy(() -> LogFiles.formOf(zstd)).hasMessageEndingWith("zstd -dc " + zstd + " > kernel.log");
        assertThatThrownBy(() -> LogFiles.formOf(bzip2)).hasMessageEndingWith("bzip2 -dc " + bzip2 + " > kernel.log");

        assertThatThrownBy(() -> LogFiles.formOf(dir.resolve("absent.log"))).isInstanceOf(NoSuchFileException.class);
        // Shorter than any magic, or empty: text.
        assertThat(LogFiles.formOf(Files.write(dir.resolve("empty.log"), new byte[0]))).isEqualTo(LogFiles.Form.TEXT);
        assertThat(LogFiles.formOf(Files.write(dir.resolve("one.log"), new byte[] {0x1f}))).isEqualTo(LogFiles.Form.TEXT);
    }

    @Test
    void aPipeIsNotOpenedToLookAtItsFirstBytes() throws Exception {
        Path fifo = dir.resolve("fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is missing; skipping");
        // Opening a FIFO with no writer would block: returning at all shows it was not opened.
        assertThat(LogFiles.formOf(fifo)).isEqualTo(LogFiles.Form.TEXT);
    }
}
