package dev.armorbench.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Reading a file in regions on parser threads gives the reading of one thread, whatever the lines
 * and wherever the regions cut them: records, other lines, empty lines, carriage returns, lines
 * around the longest a record may be, and a last line with or without its newline.
 */
class FileRegionsPropertyTest {
    private static final int MAX = LineSplitter.MAX_LINE_BYTES;
    private static final String RECORD = "type=AVC msg=audit(1700000000.%03d:%d): apparmor=\"DENIED\" operation=\"open\""
            + " profile=\"p\" name=\"/etc/%d\" pid=%d comm=\"c\" requested_mask=\"r\" denied_mask=\"r\"";

    @Property(tries = 60)
    void regionsReadTheLinesOfOneThread(@ForAll("logs") List<String> lines, @ForAll boolean lastNewline,
            @ForAll @IntRange(min = 1, max = 3 * MAX) int regionBytes, @ForAll @IntRange(min = 2, max = 3) int threads)
            throws IOException {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        for (int i = 0; i < lines.size(); i++) {
            log.writeBytes(lines.get(i).getBytes(StandardCharsets.UTF_8));
            if (i < lines.size() - 1 || lastNewline) {
                log.write('\n');
            }
        }
        byte[] bytes = log.toByteArray();
        Path file = Files.createTempFile("armorbench-regions-", ".log");
        try {
            Files.write(file, bytes);
            LogReader oneThread = new LogReader(1);
            List<AuditEvent> expected = new ArrayList<>();
            oneThread.read(new ByteArrayInputStream(bytes), "x.log", expected::add);
            LogReader regions = new LogReader(threads, regionBytes);
            List<AuditEvent> actual = new ArrayList<>();
            regions.read(file, "x.log", actual::add);
            assertThat(actual).containsExactlyElementsOf(expected);
            assertThat(regions.lines()).isEqualTo(oneThread.lines());
            assertThat(regions.skips().asMap()).isEqualTo(oneThread.skips().asMap());
        } finally {
            Files.delete(file);
        }
    }

    @Provide
    Arbitrary<List<String>> logs() {
        Arbitrary<String> record = Arbitraries.integers().between(0, 999_999)
                .map(n -> String.format(RECORD, n % 1000, n, n, n % 5000));
        Arbitrary<String> crRecord = record.map(line -> line + "\r");
        Arbitrary<String> other = Arbitraries.strings().withChars("abc =\"()\t").ofMaxLength(80);
        Arbitrary<String> empty = Arbitraries.just("");
        Arbitrary<String> nearTheLimit = Arbitraries.integers().between(MAX - 2, MAX + 2).map("y"::repeat);
        Arbitrary<String> huge = Arbitraries.integers().between(MAX + 3, 3 * MAX).map("z"::repeat);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(20, record), net.jqwik.api.Tuple.of(3, crRecord), net.jqwik.api.Tuple.of(5, other),
                net.jqwik.api.Tuple.of(3, empty), net.jqwik.api.Tuple.of(2, nearTheLimit), net.jqwik.api.Tuple.of(1, huge))
                .list().ofMinSize(1).ofMaxSize(60);
    }
}
