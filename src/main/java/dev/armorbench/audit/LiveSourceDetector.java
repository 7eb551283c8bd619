package dev.armorbench.audit;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Finds where AppArmor's records reach this machine and which of those places this user can
 * read, best first: auditd's log (while auditd runs it takes the records from the kernel log),
 * the journal, the syslog files, the kernel ring buffer. When none is readable, the answer says
 * why for each and how to fix it.
 */
public final class LiveSourceDetector {
    static final Path AUDIT_LOG = Path.of("/var/log/audit/audit.log");
    static final List<Path> SYSLOG_FILES = List.of(Path.of("/var/log/kern.log"), Path.of("/var/log/syslog"), Path.of("/var/log/messages"));
    static final Path KMSG = Path.of("/dev/kmsg");

    /** The parts of the machine the detector looks at; a fake one in tests. */
    public interface SystemView {
        boolean exists(Path path);

        /** True when this process can open {@code path} for reading. */
        boolean canRead(Path path);

        /** True when auditd runs (its pid file exists). */
        boolean auditdRunning();

        /** True when {@code journalctl} exists. */
        boolean hasJournal();

        /** True when the journal shows this user at least one kernel or audit record. */
        boolean journalShowsKernel();

        /** {@code kernel.dmesg_restrict}, or -1 when unknown. */
        int dmesgRestrict();

        String userName();
    }

    /** The outcome: the sources readable here (best first), and for the others, why not. */
    public record Detection(List<LiveSource> readable, List<String> problems) {
        public Detection {
            readable = List.copyOf(readable);
            problems = List.copyOf(problems);
        }

        public boolean found() {
            return !readable.isEmpty();
        }

        public LiveSource best() {
            return readable.get(0);
        }

        /** What to tell a user when nothing is readable. */
        public String explain() {
            StringBuilder text = new StringBuilder("No readable source of AppArmor events on this machine.");
            for (String problem : problems) {
                text.append("\n  - ").append(problem);
            }
            return text.toString();
        }
    }

    private final SystemView system;

    public LiveSourceDetector(SystemView system) {
        this.system = system;
    }

    public static LiveSourceDetector forThisMachine() {
        return new LiveSourceDetector(new HostView());
    }

    public Detection detect() {
        List<LiveSource> readable = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String user = system.userName();
        boolean auditd = system.auditdRunning();
        if (system.exists(AUDIT_LOG) || auditd) {
            if (system.canRead(AUDIT_LOG)) {
                readable.add(new LiveSource(LiveSource.Kind.AUDIT_LOG, AUDIT_LOG));
            } else {
                problems.add((auditd ? "auditd is running and holds AppArmor's events in " : "")
                        + AUDIT_LOG + " is not readable by " + user
                        + ": run as root (sudo), or set log_group = adm in /etc/audit/auditd.conf,"
                        + " restart auditd and join group adm (sudo usermod -aG adm " + user + ", then log in again).");
            }
        }
        if (system.hasJournal()) {
            if (system.journalShowsKernel()) {
                readable.add(LiveSource.journal());
            } else {
                problems.add("the systemd journal shows " + user + " no kernel records: join group systemd-journal"
                        + " or adm (sudo usermod -aG systemd-journal " + user + ", then log in again), or run as root.");
            }
        }
        for (Path file : SYSLOG_FILES) {
            if (!system.exists(file)) {
                continue;
            }
            if (system.canRead(file)) {
                readable.add(new LiveSource(LiveSource.Kind.SYSLOG_FILE, file));
            } else {
                problems.add(file + " is not readable by " + user + ": join group adm (sudo usermod -aG adm " + user
                        + ", then log in again), or run as root.");
            }
        }
        if (system.exists(KMSG)) {
            if (system.canRead(KMSG)) {
                readable.add(new LiveSource(LiveSource.Kind.KMSG, KMSG));
            } else if (system.dmesgRestrict() == 1) {
                problems.add("kernel.dmesg_restrict = 1 keeps the kernel log (" + KMSG + ") from unprivileged users:"
                        + " run as root, or allow it with sudo sysctl kernel.dmesg_restrict=0.");
            } else {
                problems.add(KMSG + " is not readable by " + user + ": run as root.");
            }
        }
        if (auditd && !readable.isEmpty() && readable.get(0).kind() != LiveSource.Kind.AUDIT_LOG) {
            problems.add("auditd is running: new AppArmor events go to " + AUDIT_LOG
                    + " and may not reach " + readable.get(0).describe() + ".");
        }
        if (readable.isEmpty() && problems.isEmpty()) {
            problems.add("none of " + AUDIT_LOG + ", the systemd journal, " + SYSLOG_FILES + " or " + KMSG
                    + " exists here: is this a Linux machine with AppArmor? Pass a log file instead.");
        }
        return new Detection(readable, problems);
    }

    /** The real machine. */
    static final class HostView implements SystemView {
        @Override
        public boolean exists(Path path) {
            return Files.exists(path);
        }

        @Override
        public boolean canRead(Path path) {
            if (!Files.isReadable(path)) {
                return false;
            }
            // Files.isReadable checks permission bits; /dev/kmsg can still refuse the open itself.
            try (InputStream in = new FileInputStream(path.toFile())) {
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        @Override
        public boolean auditdRunning() {
            return Files.exists(Path.of("/run/auditd.pid")) || Files.exists(Path.of("/var/run/auditd.pid"));
        }

        @Override
        public boolean hasJournal() {
            for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
                if (Files.isExecutable(Path.of(dir, "journalctl"))) {
                    return Files.isDirectory(Path.of("/run/systemd/journal")) || Files.isDirectory(Path.of("/var/log/journal"));
                }
            }
            return false;
        }

        @Override
        public boolean journalShowsKernel() {
            List<String> command = new ArrayList<>(List.of("journalctl", "-n", "1", "-o", "cat", "-q", "--no-pager"));
            command.addAll(LiveSource.JOURNAL_MATCHES);
            try {
                Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
                byte[] out = process.getInputStream().readNBytes(4096);
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return false;
                }
                return process.exitValue() == 0 && out.length > 0;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        @Override
        public int dmesgRestrict() {
            try {
                return Integer.parseInt(Files.readString(Path.of("/proc/sys/kernel/dmesg_restrict"), StandardCharsets.US_ASCII).trim());
            } catch (IOException | NumberFormatException e) {
                return -1;
            }
        }

        @Override
        public String userName() {
            return System.getProperty("user.name", "this user");
        }
    }
}
