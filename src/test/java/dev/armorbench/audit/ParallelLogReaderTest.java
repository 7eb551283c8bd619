package dev.armorbench.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Reading in chunks on parser threads gives exactly the events, lines and skips of reading on one thread. */
class ParallelLogReaderTest {

    @Test
    void corpusLogsReadInChunksGiveTheSameEventsInTheSameOrder() throws IOException {
        byte[] log = corpusLogs();
        Reading sequential = read(new LogReader(1), log);
        assertThat(sequential.events).hasSizeGreaterThan(150);
        assertThat(sequential.skips).containsKey(SkipReason.NOT_APPARMOR);
        for (int chunkBytes : new int[] {1, 200, 4096, LogChunks.CHUNK_BYTES}) {
            for (int threads : new int[] {2, 3}) {
                Reading chunked = read(new LogReader(threads, chunkBytes), log);
                assertThat(chunked.events).as("events, %d threads, %d-byte chunks", threads, chunkBytes)
                        .containsExactlyElementsOf(sequential.events);
                assertThat(chunked.lines).as("lines").isEqualTo(sequential.lines);
                assertThat(chunked.skips).as("skips").isEqualTo(sequential.skips);
            }
        }
    }

    @Test
    void overlongLinesCarriageReturnsAndALastLineWithoutNewlineCountAsOnOneThread() throws IOException {
        String record = "type=AVC msg=audit(1700000000.250:%d): apparmor=\"DENIED\" operation=\"open\" profile=\"p\""
                + " name=\"/etc/x\" pid=7 comm=\"c\" requested_mask=\"r\" denied_mask=\"r\" fsuid=0 ouid=0";
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            text.append(String.format(record, i)).append(i % 3 == 0 ? "\r\n" : "\n");
            if (i == 100) {
                text.append("x".repeat(300_000)).append('\n'); // longer than a chunk's whole buffer
            }
            if (i == 200) {
                text.append("apparmor=\"DENIED\" name=\"").append("y".repeat(LineSplitter.MAX_LINE_BYTES)).append("\"\n");
            }
            if (i == 300) {
                text.append("\n\r\n");
            }
        }
        text.append("z".repeat(100_000)).append('\n').append(String.format(record, 9999)); // no newline at the end
        byte[] log = text.toString().getBytes(StandardCharsets.UTF_8);
        Reading sequential = read(new LogReader(1), log);
        assertThat(sequential.skips.get(SkipReason.TOO_LONG)).isEqualTo(3L);
        assertThat(sequential.events).hasSize(3001);
        for (int chunkBytes : new int[] {100, 5000, LogChunks.CHUNK_BYTES}) {
            Reading chunked = read(new LogReader(2, chunkBytes), log);
            assertThat(chunked.events).containsExactlyElementsOf(sequential.events);
            assertThat(chunked.lines).isEqualTo(sequential.lines);
            assertThat(chunked.skips).isEqualTo(sequential.skips);
        }
    }

    @Test
    void aSinkThatThrowsStopsTheReading() {
        byte[] log = ("type=AVC msg=audit(1.2:3): apparmor=\"DENIED\" operation=\"open\" profile=\"p\" name=\"/x\" pid=1\n")
                .repeat(5000).getBytes(StandardCharsets.UTF_8);
        LogReader reader = new LogReader(2, 1000);
        int[] seen = {0};
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(log), "x", e -> {
            if (++seen[0] == 100) {
                throw new IllegalStateException("enough");
            }
        })).hasMessage("enough");
        assertThat(seen[0]).isEqualTo(100);
    }

    private record Reading(List<AuditEvent> events, long lines, java.util.Map<SkipReason, Long> skips) {}

    private static Reading read(LogReader reader, byte[] log) throws IOException {
        List<AuditEvent> events = new ArrayList<>();
        reader.read(new ByteArrayInputStream(log), "corpora.log", events::add);
        return new Reading(events, reader.lines(), reader.skips().asMap());
    }

    /** Every log of the corpora, one after the other: AppArmor records, other records, damaged ones. */
    private static byte[] corpusLogs() throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        List<Path> logs = new ArrayList<>();
        try (Stream<Path> files = Files.list(Corpora.folder("log-test-multi"))) {
            files.filter(p -> p.toString().endsWith(".in")).sorted().forEach(logs::add);
        }
        try (Stream<Path> files = Files.list(Corpora.folder("apparmor.d-testdata").resolve("logs"))) {
            files.filter(Files::isRegularFile).sorted().forEach(logs::add);
        }
        logs.add(Corpora.folder("logprof").resolve("ping.auditlog"));
        for (Path log : logs) {
            try (InputStream in = Files.newInputStream(log)) {
                in.transferTo(all);
            }
            all.write('\n');
        }
        return all.toByteArray();
    }
}
