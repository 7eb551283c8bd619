package dev.armorbench.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.testing.Requirements;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Holds the parser against the libapparmor installed on this machine ({@code python3-libapparmor}),
 * line by line, on every log line of the corpora: wherever that libapparmor reads a record, the
 * parser must read the same record, field for field.
 *
 * <p>The corpus's {@code .out} files come from a newer libapparmor than a distribution may ship; an
 * older one calls newer records invalid (it predates {@code class=}, for one). So this test compares
 * only where the installed library reads a record, and only the fields it has; the lines it cannot
 * read are counted, not compared.
 */
class InstalledLibapparmorAgreementTest {
    private static final String PYTHON = "/usr/bin/python3";

    /** Prints each line's record as {@code test_multi} does, fields sorted; {@code INVALID} for none. */
    private static final String PRINTER = String.join("\n",
            "import sys, LibAppArmor as L",
            "EVENTS = {1: 'ERROR', 2: 'AUDIT', 3: 'ALLOWED', 4: 'DENIED', 5: 'HINT', 6: 'STATUS'}",
            "UNSET_ID = 2 ** 64 - 1",
            "TEXT = [('Audit ID', 'audit_id'), ('Operation', 'operation'), ('Mask', 'requested_mask'),",
            "  ('Denied Mask', 'denied_mask'), ('Profile', 'profile'), ('Peer profile', 'peer_profile'),",
            "  ('Peer', 'peer'), ('Name', 'name'), ('Command', 'comm'), ('Name2', 'name2'),",
            "  ('Namespace', 'namespace'), ('Attribute', 'attribute'), ('Info', 'info'),",
            "  ('Network family', 'net_family'), ('Socket type', 'net_sock_type'), ('Protocol', 'net_protocol'),",
            "  ('Local addr', 'net_local_addr'), ('Foreign addr', 'net_foreign_addr'), ('DBus bus', 'dbus_bus'),",
            "  ('DBus path', 'dbus_path'), ('DBus interface', 'dbus_interface'), ('DBus member', 'dbus_member'),",
            "  ('Signal', 'signal'), ('FS Type', 'fs_type'), ('Flags', 'flags'), ('Src name', 'src_name'),",
            "  ('Class', 'class'), ('Execpath', 'execpath'), ('Net Addr', 'net_addr'), ('Peer Addr', 'peer_addr'),",
            "  ('Kmod', 'kmod')]",
            "NUMBERS = [('fsuid', 'fsuid', UNSET_ID), ('ouid', 'ouid', UNSET_ID), ('Task', 'task', 0),",
            "  ('Parent', 'parent', 0), ('Token', 'magic_token', 0), ('ErrorCode', 'error_code', 0), ('PID', 'pid', 0),",
            "  ('Peer PID', 'peer_pid', 0), ('Local port', 'net_local_port', 0), ('Foreign port', 'net_foreign_port', 0),",
            "  ('Epoch', 'epoch', 0), ('Audit subid', 'audit_sub_id', 0)]",
            "probe = L.parse_record('x')",
            "known = ['Event type'] + [label for label, attribute, *rest in TEXT + NUMBERS if hasattr(probe, attribute)]",
            "L.free_record(probe)",
            "print('\\t'.join(known))",
            "for line in open(sys.argv[1], encoding='utf-8', errors='surrogateescape', newline='\\n'):",
            "    r = L.parse_record(line)",
            "    if r.event not in EVENTS:",
            "        print('INVALID')",
            "    else:",
            "        out = ['Event type: AA_RECORD_' + EVENTS[r.event]]",
            "        out += ['%s: %s' % (label, getattr(r, a)) for label, a in TEXT if getattr(r, a, None) is not None]",
            "        out += ['%s: %d' % (label, getattr(r, a)) for label, a, unset in NUMBERS",
            "                if getattr(r, a, unset) != unset]",
            "        print('\\t'.join(sorted(out)))",
            "    L.free_record(r)");

    @Test
    void agreesWithTheInstalledLibapparmorWhereverItReadsARecord(@TempDir Path scratch) throws Exception {
        Requirements.require(libapparmorInstalled(), "python3-libapparmor (" + PYTHON + " -c 'import LibAppArmor')");
        List<String> lines = corpusLines();
        Path input = scratch.resolve("lines.log");
        Files.write(input, lines, StandardCharsets.UTF_8);
        List<String> reference = runPrinter(input, scratch.resolve("printer-errors.txt"));
        assertThat(reference).hasSize(lines.size() + 1);
        Set<String> fieldsItHas = new HashSet<>(Arrays.asList(reference.get(0).split("\t")));

        LogLineParser parser = new LogLineParser();
        int compared = 0;
        int onlyOurs = 0;
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String theirs = reference.get(i + 1);
            AuditRecord record = parser.parse(lines.get(i), "corpus", i + 1);
            if (theirs.equals("INVALID")) {
                if (record != null) {
                    onlyOurs++;
                }
                continue;
            }
            compared++;
            String ours = record == null ? "INVALID" : LibapparmorFields.of(record).stream()
                    .filter(field -> fieldsItHas.contains(field.substring(0, field.indexOf(':'))))
                    .sorted().collect(Collectors.joining("\t"));
            if (!ours.equals(theirs)) {
                disagreements.add(lines.get(i) + "\n    libapparmor: " + theirs + "\n    ArmorBench:  " + ours);
            }
        }
        System.out.printf("installed libapparmor: %d of %d corpus lines it reads agree field for field; "
                + "%d more lines are records it cannot read (newer formats)%n",
                compared - disagreements.size(), compared, onlyOurs);
        disagreements.forEach(d -> System.out.println("  DISAGREE " + d));
        assertThat(compared).as("lines the installed libapparmor reads").isGreaterThan(50);
        assertThat(disagreements).isEmpty();
    }

    /**
     * The corpus's logs and the line of each {@code log-test-multi} case, as test_multi reads it;
     * then each auditd AVC line again in the kernel log's envelopes.
     */
    private static List<String> corpusLines() throws IOException {
        List<String> lines = new ArrayList<>();
        Path logs = Corpora.folder("apparmor.d-testdata").resolve("logs");
        for (String name : List.of("audit.log", "systemd.log")) {
            lines.addAll(Files.readAllLines(logs.resolve(name), StandardCharsets.UTF_8));
        }
        Path logprof = Corpora.folder("logprof");
        for (String name : List.of("ping.auditlog", "ping.allowlog")) {
            lines.addAll(Files.readAllLines(logprof.resolve(name), StandardCharsets.UTF_8));
        }
        try (Stream<Path> cases = Files.list(Corpora.folder("log-test-multi"))) {
            for (Path in : cases.filter(p -> p.toString().endsWith(".in")).sorted().toList()) {
                String text = new String(Files.readAllBytes(in), StandardCharsets.UTF_8);
                int newline = text.indexOf('\n');
                lines.add(newline < 0 ? text : text.substring(0, newline));
            }
        }
        lines.removeIf(String::isBlank);
        List<String> rewrapped = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith(AUDITD_AVC)) {
                String record = line.substring(AUDITD_AVC.length());
                ENVELOPES.forEach(envelope -> rewrapped.add(envelope + record));
            }
        }
        lines.addAll(rewrapped);
        return lines;
    }

    private static final String AUDITD_AVC = "type=AVC msg=";

    /** Other envelopes the same kernel record arrives in: dmesg, kern.log with and without uptime, ISO syslog. */
    private static final List<String> ENVELOPES = List.of(
            "[   69.812345] audit: type=1400 ",
            "Nov 29 18:00:00 host kernel: [   69.812345] audit: type=1400 ",
            "Nov  9 08:00:00 host kernel: audit: type=1400 ",
            "2026-11-29T18:00:00.123456+00:00 host kernel: audit: type=1400 ",
            "Nov 29 18:00:00 host kernel: type=1400 ");

    private static boolean libapparmorInstalled() {
        try {
            Process process = new ProcessBuilder(PYTHON, "-c", "import LibAppArmor").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static List<String> runPrinter(Path input, Path errorFile) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(PYTHON, "-c", PRINTER, input.toString())
                .redirectError(errorFile.toFile()).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("libapparmor printer finished").isTrue();
        assertThat(process.exitValue()).as("libapparmor printer failed: %s", Files.readString(errorFile)).isZero();
        return new String(out, StandardCharsets.UTF_8).lines().toList();
    }
}
