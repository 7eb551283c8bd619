package dev.armorbench.audit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A place on this machine where AppArmor's records arrive, and how to read it: once (what is
 * there now) or followed (what comes next).
 *
 * @param kind what it is
 * @param path the file or device; null for the journal
 */
public record LiveSource(Kind kind, Path path) {
    public enum Kind {
        /** auditd's log: where the records go while auditd runs. */
        AUDIT_LOG,
        /** systemd's journal, kernel and audit transports (and dbus-daemon's own lines). */
        JOURNAL,
        /** A syslog file fed by rsyslog: kern.log, syslog, messages. */
        SYSLOG_FILE,
        /** The kernel's ring buffer, as dmesg reads it. */
        KMSG
    }

    /** The journal's kernel and audit records, and dbus-daemon's AppArmor lines. */
    static final List<String> JOURNAL_MATCHES = List.of(
            "_TRANSPORT=kernel", "+", "_TRANSPORT=audit", "+", "SYSLOG_IDENTIFIER=dbus-daemon");

    public static LiveSource journal() {
        return new LiveSource(Kind.JOURNAL, null);
    }

    public String describe() {
        switch (kind) {
            case JOURNAL: return "the systemd journal (journalctl -o json)";
            case KMSG: return "the kernel log (" + path + ")";
            case AUDIT_LOG: return "auditd's log " + path;
            default: return path.toString();
        }
    }

    /** A source that reads what is there now and ends. */
    public LineSource snapshot() {
        switch (kind) {
            case JOURNAL:
                return StreamFollower.ofCommand("journal", command("journalctl", "-o", "json", "-q", "--no-pager"));
            case KMSG:
                return StreamFollower.ofCommand("dmesg", List.of("dmesg"));
            default:
                return new WholeFile(path);
        }
    }

    /** A source that reads what comes next, until closed. */
    public LineSource follower() {
        switch (kind) {
            case JOURNAL:
                return StreamFollower.ofCommand("journal",
                        command("journalctl", "-f", "-n", "0", "-o", "json", "-q", "--no-pager"));
            case KMSG:
                return StreamFollower.ofDevice(path.toString());
            default:
                return new FileFollower(path, false, Duration.ofMillis(250));
        }
    }

    private static List<String> command(String... head) {
        List<String> command = new ArrayList<>(List.of(head));
        command.addAll(JOURNAL_MATCHES);
        return command;
    }

    /** A file read once to its end. */
    private static final class WholeFile implements LineSource {
        private final Path path;
        private volatile boolean closed;

        WholeFile(Path path) {
            this.path = path;
        }

        @Override
        public String name() {
            return path.toString();
        }

        @Override
        public void run(LineSplitter.LineSink sink) throws java.io.IOException {
            LineSplitter splitter = new LineSplitter();
            byte[] buffer = new byte[64 * 1024];
            try (java.io.InputStream in = java.nio.file.Files.newInputStream(path)) {
                int n;
                while (!closed && (n = in.read(buffer)) > 0) {
                    splitter.feed(buffer, 0, n, sink);
                }
            }
            splitter.finish(sink);
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
