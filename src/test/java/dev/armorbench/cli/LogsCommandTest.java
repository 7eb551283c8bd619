package dev.armorbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogsCommandTest {
    private static final String DENIED = "[ 69.8] audit: type=1400 audit(1795919128.876:3): apparmor=\"DENIED\" operation=\"open\""
            + " class=\"file\" profile=\"web\" name=\"/etc/shadow\" pid=146 comm=\"cat\" requested_mask=\"r\" denied_mask=\"r\" fsuid=0 ouid=0";
    private static final String CHILD = "type=AVC msg=audit(1795919129.001:4): apparmor=\"ALLOWED\" operation=\"exec\" profile=\"web\""
            + " name=\"/bin/busybox\" pid=147 comm=\"sh\" requested_mask=\"x\" denied_mask=\"x\" fsuid=0 ouid=0 target=\"web//null-/bin/busybox\"";
    private static final String LEARNING = "type=AVC msg=audit(1795919129.002:5): apparmor=\"ALLOWED\" operation=\"bind\" class=\"net\""
            + " profile=\"web//null-/bin/busybox\" pid=148 comm=\"busybox\" family=\"inet\" sock_type=\"stream\" protocol=6 lport=80"
            + " requested_mask=\"bind\" denied_mask=\"bind\"";
    private static final String OTHER = "type=AVC msg=audit(1795919129.003:6): apparmor=\"DENIED\" operation=\"open\" profile=\"webx\""
            + " name=2F746D702F6120622E747874 pid=149 comm=\"x\" requested_mask=\"r\" denied_mask=\"r\" fsuid=0 ouid=0";

    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {
        List<JsonNode> json() throws IOException {
            List<JsonNode> nodes = new ArrayList<>();
            for (String line : out.split("\n")) {
                if (!line.isBlank()) {
                    nodes.add(new ObjectMapper().readTree(line));
                }
            }
            return nodes;
        }
    }

    private static Run run(String... args) {
        CommandRun run = CommandRun.of(List.of(args));
        return new Run(run.exit(), run.out(), run.err());
    }

    private Path log(String... lines) throws IOException {
        Path file = Files.createTempFile(dir, "log", ".log");
        Files.write(file, List.of(lines));
        return file;
    }

    @Test
    void writesOneJsonObjectPerRecordWithTheKernelsKeys() throws IOException {
        Path file = log("garbage line", DENIED, OTHER);
        Run run = run("logs", "--format", "json", file.toString());
        assertThat(run.status()).isZero();
        List<JsonNode> events = run.json();
        assertThat(events).hasSize(2);
        JsonNode first = events.get(0);
        List<String> names = new ArrayList<>();
        first.fieldNames().forEachRemaining(names::add);
        assertThat(names).startsWith("event", "epoch", "serial", "source", "line", "operation", "class", "profile", "name");
        assertThat(first.get("event").asText()).isEqualTo("DENIED");
        assertThat(first.get("epoch").isNumber()).isTrue();
        assertThat(first.get("epoch").decimalValue()).isEqualByComparingTo("1795919128.876");
        assertThat(first.get("serial").asLong()).isEqualTo(3);
        assertThat(first.get("source").asText()).isEqualTo(file.toString());
        assertThat(first.get("line").asInt()).isEqualTo(2);
        assertThat(first.get("pid").isIntegralNumber()).isTrue();
        assertThat(first.get("fsuid").asInt()).isZero();
        assertThat(first.get("denied_mask").asText()).isEqualTo("r");
        assertThat(events.get(1).get("name").asText()).isEqualTo("/tmp/a b.txt");
        assertThat(run.err()).contains("1 line skipped").contains("not an AppArmor record");
    }

    @Test
    void filtersByProfileFamily() throws IOException {
        Run run = run("logs", "--format", "json", "--profile", "web", log(DENIED, CHILD, LEARNING, OTHER).toString());
        List<JsonNode> events = run.json();
        assertThat(events).extracting(e -> e.get("profile").asText()).containsExactly("web", "web", "web//null-/bin/busybox");
        assertThat(events.get(2).get("protocol").asText()).isEqualTo("tcp");
        assertThat(events.get(2).get("lport").asInt()).isEqualTo(80);
        assertThat(run.err()).contains("1 record left out by --profile.");
    }

    @Test
    void summarisesByEventProfileAndOperation() throws IOException {
        Run run = run("logs", "--format", "summary", log(DENIED, CHILD, LEARNING, OTHER, "noise").toString());
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("4 events")
                .containsPattern("2  DENIED").containsPattern("2  ALLOWED")
                .containsPattern("2  web\n").containsPattern("1  webx").containsPattern("2  open");
        assertThat(run.out()).doesNotContain("/etc/shadow");
    }

    @Test
    void printsTextByDefault() throws IOException {
        Run run = run("logs", log(DENIED).toString());
        assertThat(run.out()).contains("DENIED").contains("web open").contains("name=/etc/shadow");
    }

    @Test
    void namesTheFixForAMissingFile() {
        Run run = run("logs", dir.resolve("absent.log").toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("absent.log").contains("no such file");
    }

    @Test
    void readsARotatedGzipLogAsItIs() throws IOException {
        Path gz = dir.resolve("kern.log.2.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write((DENIED + "\n" + CHILD + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        Run run = run("logs", "--format", "json", gz.toString());
        assertThat(run.status()).isZero();
        assertThat(run.json()).extracting(node -> node.get("serial").asLong()).containsExactly(3L, 4L);

        Run follow = run("logs", "--follow", gz.toString());
        assertThat(follow.status()).isEqualTo(1);
        assertThat(follow.err()).contains("compressed rotated log").contains("without --follow");
    }

    @Test
    void aDirectoryOrAJournalFileIsRefusedWithTheFixNotAStackTrace() throws IOException {
        Run directory = run("logs", dir.toString());
        assertThat(directory.status()).isEqualTo(1);
        assertThat(directory.err()).contains(dir + " is a directory").contains("kern.log").doesNotContain("Exception");

        Path journal = dir.resolve("system.journal");
        Files.write(journal, new byte[] {'L', 'P', 'K', 'S', 'H', 'H', 'R', 'H', 1, 2, 3});
        Run binary = run("logs", journal.toString(), log(DENIED).toString());
        assertThat(binary.status()).isEqualTo(1);
        assertThat(binary.err()).contains("binary systemd journal").contains("journalctl --file " + journal);
        assertThat(binary.out()).as("the other file is still read").contains("name=/etc/shadow");
    }

    @Test
    void sinceKeepsTheRecordsFromThatMomentOn() throws IOException {
        Path log = log(DENIED, CHILD, LEARNING, OTHER);
        Run run = run("logs", "--format", "json", "--since", "@1795919129.002", log.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.json()).extracting(node -> node.get("serial").asLong()).containsExactly(5L, 6L);
        assertThat(run.err()).contains("2 records left out by --since.");
        Run bad = run("logs", "--since", "yesterday", log.toString());
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("'yesterday' is not a time");
    }
}
