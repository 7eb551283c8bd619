package dev.armorbench.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventStreamTest {
    /** Emits {@code count} denials as fast as it can, then ends. */
    private static final class Flood implements LineSource {
        private final int count;

        Flood(int count) {
            this.count = count;
        }

        @Override
        public String name() {
            return "flood";
        }

        @Override
        public void run(LineSplitter.LineSink sink) {
            for (int i = 0; i < count; i++) {
                byte[] line = ("type=AVC msg=audit(1700000000.000:" + i + "): apparmor=\"DENIED\" operation=\"open\" profile=\"p\""
                        + " name=\"/f/" + (i % 50) + "\" pid=" + i + " comm=\"c\" requested_mask=\"r\" denied_mask=\"r\"")
                        .getBytes(StandardCharsets.UTF_8);
                sink.line(line, 0, line.length);
            }
        }

        @Override
        public void close() {}
    }

    @Test
    void aFloodThatNobodyReadsStaysWithinTheBuffer() throws Exception {
        try (EventStream stream = EventStream.start(List.of(new Flood(100_000)), EventFilter.ALL, 1_000)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (stream.lines() < 100_000 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(stream.lines()).isEqualTo(100_000);
            assertThat(stream.queued()).isEqualTo(1_000);
            assertThat(stream.dropped()).isEqualTo(99_000);
            // The first thousand are kept, in order; what the reader takes, it takes in batches.
            List<AuditEvent> batch = stream.poll(500, Duration.ofSeconds(1));
            assertThat(batch).hasSize(500);
            assertThat(batch.get(0).record().serial()).isZero();
        }
    }

    @Test
    void aReaderThatKeepsUpAggregatesRepeatsIntoFewEntries() throws Exception {
        RepeatAggregator aggregator = new RepeatAggregator(1_000);
        long received = 0;
        try (EventStream stream = EventStream.start(List.of(new Flood(20_000)), EventFilter.ALL, 100_000)) {
            while (stream.isActive()) {
                for (AuditEvent event : stream.poll(1_000, Duration.ofMillis(100))) {
                    aggregator.add(event);
                    received++;
                }
            }
        }
        assertThat(received).isEqualTo(20_000);
        assertThat(aggregator.size()).isEqualTo(50);
        assertThat(aggregator.entries()).allSatisfy(e -> assertThat(e.count()).isEqualTo(400));
    }

    @Test
    void theAggregatorForgetsTheLeastRecentPastItsCapacity() {
        RepeatAggregator aggregator = new RepeatAggregator(2);
        LogLineParser parser = new LogLineParser();
        for (String name : new String[] {"/a", "/b", "/a", "/c"}) {
            aggregator.add(parser.parseEvent("apparmor=\"DENIED\" operation=\"open\" profile=\"p\" name=\"" + name + "\"", "t", 1));
        }
        assertThat(aggregator.entries()).extracting(e -> ((AuditEvent.FileAccess) e.first()).name()).containsExactly("/a", "/c");
        assertThat(aggregator.entries().get(0).count()).isEqualTo(2);
        assertThat(aggregator.evicted()).isEqualTo(1);
    }
}
