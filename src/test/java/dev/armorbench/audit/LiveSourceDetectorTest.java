package dev.armorbench.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LiveSourceDetectorTest {
    /** A machine described by hand. */
    private static final class FakeSystem implements LiveSourceDetector.SystemView {
        final Set<Path> existing = new HashSet<>();
        final Set<Path> readable = new HashSet<>();
        boolean auditd;
        boolean journal;
        boolean journalReadable;
        int dmesgRestrict = 1;

        FakeSystem file(String path, boolean canRead) {
            existing.add(Path.of(path));
            if (canRead) {
                readable.add(Path.of(path));
            }
            return this;
        }

        @Override public boolean exists(Path path) { return existing.contains(path); }
        @Override public boolean canRead(Path path) { return readable.contains(path); }
        @Override public boolean auditdRunning() { return auditd; }
        @Override public boolean hasJournal() { return journal; }
        @Override public boolean journalShowsKernel() { return journalReadable; }
        @Override public int dmesgRestrict() { return dmesgRestrict; }
        @Override public String userName() { return "alice"; }
    }

    @Test
    void prefersAuditdsLogWhileAuditdRuns() {
        FakeSystem system = new FakeSystem().file("/var/log/audit/audit.log", true).file("/var/log/kern.log", true).file("/dev/kmsg", true);
        system.auditd = true;
        LiveSourceDetector.Detection detection = new LiveSourceDetector(system).detect();
        assertThat(detection.best().kind()).isEqualTo(LiveSource.Kind.AUDIT_LOG);
        assertThat(detection.readable()).extracting(LiveSource::kind)
                .containsExactly(LiveSource.Kind.AUDIT_LOG, LiveSource.Kind.SYSLOG_FILE, LiveSource.Kind.KMSG);
    }

    @Test
    void fallsBackToTheJournalAndWarnsWhenAuditdHoldsTheEvents() {
        FakeSystem system = new FakeSystem().file("/var/log/audit/audit.log", false);
        system.auditd = true;
        system.journal = true;
        system.journalReadable = true;
        LiveSourceDetector.Detection detection = new LiveSourceDetector(system).detect();
        assertThat(detection.best().kind()).isEqualTo(LiveSource.Kind.JOURNAL);
        assertThat(detection.problems()).anySatisfy(p -> assertThat(p).contains("auditd is running").contains("adm"));
    }

    @Test
    void explainsEveryReasonWhenNothingIsReadable() {
        FakeSystem system = new FakeSystem().file("/var/log/audit/audit.log", false).file("/var/log/syslog", false).file("/dev/kmsg", false);
        system.auditd = true;
        system.journal = true;
        LiveSourceDetector.Detection detection = new LiveSourceDetector(system).detect();
        assertThat(detection.found()).isFalse();
        assertThat(detection.explain())
                .contains("auditd is running")
                .contains("systemd-journal")
                .contains("sudo usermod -aG adm alice")
                .contains("kernel.dmesg_restrict");
    }

    @Test
    void saysSoWhenThereIsNoLogAtAll() {
        LiveSourceDetector.Detection detection = new LiveSourceDetector(new FakeSystem()).detect();
        assertThat(detection.found()).isFalse();
        assertThat(detection.explain()).contains("Pass a log file instead");
    }
}
