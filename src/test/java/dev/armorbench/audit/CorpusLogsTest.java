package dev.armorbench.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real logs of the peer corpora read with no AppArmor record lost. */
class CorpusLogsTest {

    @Test
    void apparmorDotDLogsParseWithoutSkippingARecord() throws IOException {
        Path logs = Corpora.folder("apparmor.d-testdata").resolve("logs");
        for (String name : new String[] {"audit.log", "systemd.log", "aa-log"}) {
            assertEveryRecordRead(logs.resolve(name));
        }
    }

    @Test
    void logprofPingLogParsesWithoutSkippingARecord() throws IOException {
        List<AuditEvent> events = assertEveryRecordRead(Corpora.folder("logprof").resolve("ping.auditlog"));
        assertThat(events).first().isInstanceOfSatisfying(AuditEvent.FileAccess.class, e -> {
            assertThat(e.profile()).isEqualTo("ping");
            assertThat(e.name()).isEqualTo("/proc/21622/cmdline");
        });
    }

    private static List<AuditEvent> assertEveryRecordRead(Path log) throws IOException {
        LogReader reader = new LogReader();
        List<AuditEvent> events = new ArrayList<>();
        try (InputStream in = Files.newInputStream(log)) {
            reader.read(in, log.toString(), events::add);
        }
        long records = Files.readAllLines(log).stream().filter(l -> l.contains("apparmor=\\\"") || l.contains("apparmor=\"")).count();
        System.out.printf("%s: %d lines, %d events, %s%n", log.getFileName(), reader.lines(), events.size(), reader.skips());
        assertThat(reader.skips().damagedRecords()).as("damaged records in %s: %s", log, reader.skips()).isZero();
        assertThat((long) events.size()).as("events in %s", log).isEqualTo(records);
        return events;
    }
}
