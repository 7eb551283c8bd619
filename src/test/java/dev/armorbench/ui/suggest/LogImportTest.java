package dev.armorbench.ui.suggest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.armorbench.policy.Corpora;
import dev.armorbench.policy.check.PolicySources;
import dev.armorbench.policy.check.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File → Import Log… without a window: what a log gives, and the message for each file that cannot be used. */
class LogImportTest {
    @TempDir
    Path temp;

    private final SourceFile profile = new SourceFile(Path.of("/tmp/ping.profile"), """
            profile ping {
              capability net_raw,
            }
            """);

    @Test
    void anAuditLogGivesSuggestionsAndASummaryOfWhatWasRead() {
        Path log = Corpora.folder("logprof").resolve("ping.auditlog");
        LogImport.Outcome outcome = LogImport.run(log, profile, new PolicySources(List.of(), temp), List.of());
        assertThat(outcome).isInstanceOfSatisfying(LogImport.Read.class, read -> {
            assertThat(read.nothingFound()).isNull();
            assertThat(read.result().suggestions()).extracting(s -> s.chosen().rule())
                    .containsExactly("owner /proc/*/cmdline r,");
            assertThat(read.summary()).isEqualTo("from ping.auditlog: 3 lines, 2 AppArmor events; skipped 1 other line");
        });
    }

    private static String denied(int serial, String name) {
        return "audit: type=1400 audit(1641827210.519:" + serial + "): apparmor=\"DENIED\" operation=\"open\""
                + " profile=\"ping\" name=\"" + name + "\" pid=5762 comm=\"ping\" requested_mask=\"r\""
                + " denied_mask=\"r\" fsuid=0 ouid=1\n";
    }

    @Test
    void aLogWithItsRotatedFilesIsReadAsOneOldestFirst() throws IOException {
        Path rotated = temp.resolve("kern.log.2.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(rotated))) {
            out.write(denied(1, "/etc/hosts").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        Path current = Files.writeString(temp.resolve("kern.log"), denied(2, "/etc/services") + "not a record\n");
        Files.setLastModifiedTime(rotated, java.nio.file.attribute.FileTime.fromMillis(1_000_000));
        // Chosen in any order: the oldest is read first, so its events come first.
        LogImport.Outcome outcome = LogImport.run(List.of(current, rotated), profile, new PolicySources(List.of(), temp),
                List.of());
        assertThat(outcome).isInstanceOfSatisfying(LogImport.Read.class, read -> {
            assertThat(read.summary()).isEqualTo("from kern.log.2.gz and kern.log: 3 lines, 2 AppArmor events;"
                    + " skipped 1 other line");
            assertThat(read.result().suggestions()).extracting(s -> s.chosen().rule())
                    .containsExactlyInAnyOrder("/etc/hosts r,", "/etc/services r,");
            assertThat(read.result().suggestions()).extracting(s -> s.events().firstSource())
                    .containsExactlyInAnyOrder("kern.log.2.gz:1", "kern.log:1");
        });

        Path xz = Files.write(temp.resolve("kern.log.3.xz"), new byte[] {(byte) 0xfd, '7', 'z', 'X', 'Z', 0});
        assertThat(message(LogImport.run(List.of(current, xz), profile, new PolicySources(List.of(), temp), List.of())))
                .isEqualTo(xz + " is compressed with xz: decompress it and read that: xz -dc " + xz + " > kernel.log");
    }

    @Test
    void aLogWithoutAppArmorRecordsSaysWhereTheyAreWritten() throws IOException {
        Path log = temp.resolve("messages");
        Files.writeString(log, "Nov 29 06:10:02 host systemd[1]: Started session-2.scope.\n");
        LogImport.Read read = (LogImport.Read) LogImport.run(log, profile, new PolicySources(List.of(), temp), List.of());
        assertThat(read.nothingFound()).startsWith("No AppArmor records in " + log + " (1 line read).")
                .contains("/var/log/audit/audit.log").contains("kern.log").contains("journalctl -k").contains("dmesg");
    }

    @Test
    void eventsNoRuleCanAllowAreNamedRatherThanCalledAllowed() throws IOException {
        LogImport.Read read = importDenial("operation=\"module\" profile=\"ping\" pid=5762 comm=\"modprobe\""
                + " kmod=\"nf_tables\" requested_mask=\"request\" denied_mask=\"request\"");
        assertThat(read.result().suggestions()).isEmpty();
        assertThat(read.nothingFound()).isEqualTo("1 AppArmor event read from " + temp.resolve("kern.log") + ". 1 event asked for what no"
                + " rule allows here: kernel module (1); no rule is suggested for them. The profiles already allow what"
                + " the others asked for (or they were not denials).");
        assertThat(read.summary()).endsWith("; 1 event asked for what no rule allows here: kernel module (1)");
    }

    @Test
    void aDisconnectedPathIsNamedWithItsFix() throws IOException {
        LogImport.Read read = importDenial("operation=\"open\" info=\"Failed name lookup - disconnected path\""
                + " error=-13 profile=\"ping\" name=\"dev/pts/0\" pid=5762 comm=\"sh\" requested_mask=\"r\""
                + " denied_mask=\"r\" fsuid=0 ouid=0");
        assertThat(read.result().suggestions()).isEmpty();
        assertThat(read.nothingFound()).contains("disconnected path (1); no rule is suggested for them.")
                .contains("add attach_disconnected to the profile's flags");
        assertThat(read.summary()).contains("disconnected path (1). A disconnected path is")
                .contains("add attach_disconnected to the profile's flags");
    }

    /** Imports a kern.log of one DENIED record with {@code keys} after its apparmor= key. */
    private LogImport.Read importDenial(String keys) throws IOException {
        Path log = temp.resolve("kern.log");
        Files.writeString(log, "audit: type=1400 audit(1641827210.519:240): apparmor=\"DENIED\" " + keys + "\n");
        return (LogImport.Read) LogImport.run(log, profile, new PolicySources(List.of(), temp), List.of());
    }

    @Test
    void filesThatAreNotLogsGetAMessageNamingTheFix() throws IOException {
        PolicySources sources = new PolicySources(List.of(), temp);
        assertThat(message(LogImport.run(temp.resolve("absent.log"), profile, sources, List.of())))
                .isEqualTo(temp.resolve("absent.log") + ": no such file; check the path.");
        assertThat(message(LogImport.run(temp, profile, sources, List.of()))).contains("is a directory");
        Path journal = temp.resolve("system.journal");
        Files.write(journal, new byte[] {'L', 'P', 'K', 'S', 'H', 'H', 'R', 'H', 1, 2, 3});
        assertThat(message(LogImport.run(journal, profile, sources, List.of())))
                .contains("binary systemd journal").contains("journalctl --file " + journal + " -k -o short > kernel.log");
    }

    @Test
    void permissionDeniedNamesTheGroupThatMayReadOrSaysOnlyRootMay() throws IOException {
        Path log = temp.resolve("audit.log");
        Files.writeString(log, "");
        PosixFileAttributeView view = Files.getFileAttributeView(log, PosixFileAttributeView.class);
        assumeTrue(view != null, "no POSIX file attributes on this file system; skipping");
        GroupPrincipal adm;
        try {
            adm = log.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName("adm");
        } catch (UserPrincipalNotFoundException e) {
            adm = null;
        }
        assumeTrue(adm != null, "no group adm on this machine; skipping");
        view.setGroup(adm);
        Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-r-----"));
        assertThat(dev.armorbench.audit.LogFiles.permissionDenied(log)).startsWith("Permission denied: you cannot read " + log + ".")
                .contains("Members of group adm may read it").contains("sudo usermod -aG adm $USER");

        Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-------"));
        assertThat(dev.armorbench.audit.LogFiles.permissionDenied(log)).contains("Only root may read it").contains("sudo cat " + log);
    }

    private static String message(LogImport.Outcome outcome) {
        assertThat(outcome).isInstanceOf(LogImport.Unreadable.class);
        return ((LogImport.Unreadable) outcome).message();
    }
}
