package dev.armorbench.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.testing.KeptOpenFifo;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading in chunks on parser threads gives exactly the events, lines and skips of reading on one
 * thread, and hands on a slow pipe's lines without waiting for a chunk's worth.
 */
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
                assertSameReading(chunked, sequential, threads + " threads, " + chunkBytes + "-byte chunks");
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
            assertSameReading(chunked, sequential, chunkBytes + "-byte chunks");
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

    @Test
    void aFileReadInRegionsByTheParserThreadsGivesTheEventsOfAStream(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("corpora.log");
        Files.write(file, corpusLogs());
        Reading sequential = read(new LogReader(1), Files.readAllBytes(file));
        for (int regionBytes : new int[] {1, 7, 200, 4096, LogChunks.CHUNK_BYTES}) {
            for (int threads : new int[] {2, 3}) {
                Reading regions = readFile(new LogReader(threads, regionBytes), file);
                assertSameReading(regions, sequential, threads + " threads, " + regionBytes + "-byte regions");
            }
        }
    }

    @Test
    void regionsCutAnywhereKeepOverlongLinesCarriageReturnsAndALastLineWithoutNewline(@TempDir Path dir)
            throws IOException {
        String record = "type=AVC msg=audit(1700000000.250:%d): apparmor=\"DENIED\" operation=\"open\" profile=\"p\""
                + " name=\"/etc/x\" pid=7 comm=\"c\" requested_mask=\"r\" denied_mask=\"r\"";
        int max = LineSplitter.MAX_LINE_BYTES;
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            text.append(String.format(record, i)).append(i % 3 == 0 ? "\r\n" : "\n");
            switch (i) {
                case 5 -> text.append("x".repeat(300_000)).append('\n'); // spans many regions
                case 10 -> text.append("y".repeat(max)).append('\n'); // exactly as long as a line may be
                case 11 -> text.append("y".repeat(max + 1)).append('\n'); // one byte too long
                case 12 -> text.append("y".repeat(max)).append("\r\n"); // too long with its carriage return
                case 20 -> text.append("\n\r\n\n");
                default -> { }
            }
        }
        text.append("z".repeat(max + 5)).append('\n').append(String.format(record, 99)); // no newline at the end
        Path file = dir.resolve("crafted.log");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Reading sequential = read(new LogReader(1), Files.readAllBytes(file));
        assertThat(sequential.skips.get(SkipReason.TOO_LONG)).isEqualTo(4L);
        assertThat(sequential.events).hasSize(41);
        for (int regionBytes : new int[] {13, 100, 5000, max - 1, max + 1, LogChunks.CHUNK_BYTES}) {
            Reading regions = readFile(new LogReader(2, regionBytes), file);
            assertSameReading(regions, sequential, regionBytes + "-byte regions");
        }
    }

    @Test
    void aStreamThatDribblesInPiecesGivesTheSameReading() throws IOException {
        byte[] log = corpusLogs();
        Reading sequential = read(new LogReader(1), log);
        for (int threads : new int[] {2, 3}) {
            List<AuditEvent> events = new ArrayList<>();
            LogReader reader = new LogReader(threads);
            reader.read(new Dribble(log, 7), "corpora.log", events::add);
            assertSameReading(new Reading(events, reader.lines(), reader.skips().asMap()), sequential,
                    threads + " threads, a stream that has nothing at hand after each short read");
        }
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} parser thread(s)")
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2})
    void aStalledPipesLinesAreHandedOnWhileItsWriterWaits(int threads) throws Exception {
        String record = "type=AVC msg=audit(1700000000.250:%d): apparmor=\"DENIED\" operation=\"open\" profile=\"p\""
                + " name=\"/etc/x\" pid=7 comm=\"c\" requested_mask=\"r\" denied_mask=\"r\"\n";
        PipedOutputStream writer = new PipedOutputStream();
        PipedInputStream pipe = new PipedInputStream(writer, 1 << 20);
        // Before each wait for the writer, how many events the reading had handed on.
        BlockingQueue<Integer> waits = new LinkedBlockingQueue<>();
        java.util.concurrent.atomic.AtomicInteger handedOn = new java.util.concurrent.atomic.AtomicInteger();
        LogReader reader = new LogReader(threads).beforeWaiting(() -> waits.add(handedOn.get()));
        BlockingQueue<AuditEvent> events = new LinkedBlockingQueue<>();
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> {
            try {
                reader.read(pipe, "pipe", event -> {
                    handedOn.incrementAndGet();
                    events.add(event);
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            // Three records, far less than a chunk, then the writer goes quiet (as tail -f does).
            assertHandedOnWhileTheWriterWaits(writer, record, reader, events, reading);
            Integer handedOnAtAWait;
            do {
                handedOnAtAWait = waits.poll(30, TimeUnit.SECONDS);
            } while (handedOnAtAWait != null && handedOnAtAWait < 3);
            assertThat(handedOnAtAWait).as("told before waiting, with the three records handed on").isEqualTo(3);
            writer.write(String.format(record, 3).getBytes(StandardCharsets.US_ASCII));
        } finally {
            writer.close(); // so that a failed check leaves no reading blocked on the pipe
        }
        reading.get(30, TimeUnit.SECONDS);
        assertThat(events).extracting(event -> event.record().serial()).containsExactly(3L);
        assertThat(reader.lines()).isEqualTo(4);
    }

    private static void assertHandedOnWhileTheWriterWaits(PipedOutputStream writer, String record, LogReader reader,
            BlockingQueue<AuditEvent> events, CompletableFuture<Void> reading)
            throws Exception {
        for (int i = 0; i < 3; i++) {
            writer.write(String.format(record, i).getBytes(StandardCharsets.US_ASCII));
        }
        writer.flush();
        List<AuditEvent> early = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            AuditEvent event = events.poll(30, TimeUnit.SECONDS);
            assertThat(event).as("record %d handed on while the pipe's writer waits", i).isNotNull();
            early.add(event);
        }
        assertThat(early).extracting(event -> event.record().serial()).containsExactly(0L, 1L, 2L);
        // The count follows the events' hand-on, on the reading's thread: wait for it too.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (reader.progress().lines() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(reader.progress().lines()).as("lines counted while the writer waits").isEqualTo(3);
        assertThat(reading).isNotDone();
    }

    @Test
    void aNamedPipesLinesAreHandedOnWhileItsWriterWaits(@TempDir Path dir) throws Exception {
        // As File → Import Log or `logs FILE` read a FIFO: through its path, not a stream given to them.
        Path fifo = dir.resolve("audit.pipe");
        String record = "type=AVC msg=audit(1700000000.250:7): apparmor=\"DENIED\" operation=\"open\" profile=\"p\""
                + " name=\"/etc/x\" pid=7 comm=\"c\" requested_mask=\"r\" denied_mask=\"r\"";
        Process writer = KeptOpenFifo.start(fifo, record);
        LogReader reader = new LogReader(2);
        BlockingQueue<AuditEvent> events = new LinkedBlockingQueue<>();
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> {
            try {
                reader.read(fifo, "audit.pipe", events::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            AuditEvent event = events.poll(30, TimeUnit.SECONDS);
            assertThat(event).as("the record, handed on while the FIFO's writer waits").isNotNull();
            assertThat(event.record().serial()).isEqualTo(7);
            assertThat(reading).isNotDone();
        } finally {
            writer.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // the FIFO closes: the reading ends
        }
        reading.get(30, TimeUnit.SECONDS);
        assertThat(reader.lines()).isEqualTo(1);
    }

    /** Gives a log in short reads, with nothing at hand after each: a pipe whose writer is slow. */
    private static final class Dribble extends InputStream {
        private final byte[] bytes;
        private final Random sizes;
        private int at;

        Dribble(byte[] bytes, long seed) {
            this.bytes = bytes;
            this.sizes = new Random(seed);
        }

        @Override
        public int read() {
            return at < bytes.length ? bytes[at++] & 0xff : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (at >= bytes.length) {
                return -1;
            }
            int n = Math.min(Math.min(length, 1 + sizes.nextInt(3000)), bytes.length - at);
            System.arraycopy(bytes, at, buffer, offset, n);
            at += n;
            return n;
        }

        @Override
        public int available() {
            return 0;
        }
    }

    private record Reading(List<AuditEvent> events, long lines, java.util.Map<SkipReason, Long> skips) {}

    /** The same events in the same order, the same line count and the same skips as reading on one thread. */
    private static void assertSameReading(Reading actual, Reading oneThread, String how) {
        assertThat(actual.events).as("events, %s", how).containsExactlyElementsOf(oneThread.events);
        assertThat(actual.lines).as("lines, %s", how).isEqualTo(oneThread.lines);
        assertThat(actual.skips).as("skips, %s", how).isEqualTo(oneThread.skips);
    }

    private static Reading readFile(LogReader reader, Path file) throws IOException {
        List<AuditEvent> events = new ArrayList<>();
        reader.read(file, "corpora.log", events::add);
        return new Reading(events, reader.lines(), reader.skips().asMap());
    }

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
