package dev.armorbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import dev.armorbench.suggest.NetworkRuleForm;
import dev.armorbench.testing.Requirements;
import dev.armorbench.trial.load.InstalledParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintCommandTest {
    @TempDir
    Path dir;

    private CommandRun lint(String... args) {
        return CommandRun.of(List.of("lint"), args);
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void cleanProfilePassesWithExitZero() throws IOException {
        write("abstractions-base", "/etc/ld.so.cache r,\n");
        Path profile = write("good", "profile good /usr/bin/good {\n  include \"abstractions-base\"\n  /etc/hosts r,\n}\n");
        CommandRun run = lint("--base", dir.toString(), profile.toString());
        assertThat(run.exit()).isEqualTo(0);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void errorsPrintLikeACompilerAndExitOne() throws IOException {
        Path profile = write("bad", "profile bad {\n  capability chown,\n  capability fly,\n}\n");
        CommandRun run = lint(profile.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEqualTo(profile + ":3:14: error: 'fly' is not a capability; see capabilities(7) for "
                + "the names [unknown-capability]\n");
    }

    @Test
    void jsonHasTheDocumentedShape() throws IOException {
        Path bad = write("bad", "profile bad {\n  /tmp/x wa,\n}\n");
        Path good = write("good", "profile good {\n  /tmp/x r,\n}\n");
        CommandRun run = lint("--format", "json", bad.toString(), good.toString());
        assertThat(run.exit()).isEqualTo(1);
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertThat(root.fieldNames()).toIterable().containsExactly("files");
        JsonNode first = root.get("files").get(0);
        assertThat(first.fieldNames()).toIterable().containsExactly("path", "verdict", "diagnostics");
        assertThat(first.get("path").asText()).isEqualTo(bad.toString());
        assertThat(first.get("verdict").asText()).isEqualTo("FAIL");
        JsonNode diagnostic = first.get("diagnostics").get(0);
        assertThat(diagnostic.fieldNames()).toIterable()
                .containsExactly("severity", "code", "message", "line", "column", "endLine", "endColumn");
        assertThat(diagnostic.get("severity").asText()).isEqualTo("error");
        assertThat(diagnostic.get("code").asText()).isEqualTo("write-and-append");
        assertThat(diagnostic.get("line").asInt()).isEqualTo(2);
        assertThat(diagnostic.get("column").asInt()).isEqualTo(10);
        assertThat(diagnostic.get("endLine").asInt()).isEqualTo(2);
        assertThat(diagnostic.get("endColumn").asInt()).isEqualTo(12);
        JsonNode second = root.get("files").get(1);
        assertThat(second.get("verdict").asText()).isEqualTo("PASS");
        assertThat(second.get("diagnostics")).isEmpty();
    }

    @Test
    void directoryReadsItsFilesSkippingBackupsAndSubdirectories() throws IOException {
        write("one", "profile one {\n  /a r,\n}\n");
        write("two.dpkg-old", "this is not a profile");
        write("three~", "nor this");
        Files.createDirectory(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/four"), "garbage {");
        CommandRun run = lint("--format", "json", dir.toString());
        assertThat(run.exit()).isEqualTo(0);
        JsonNode files = new ObjectMapper().readTree(run.out()).get("files");
        assertThat(files).hasSize(1);
        assertThat(files.get(0).get("path").asText()).endsWith("one");
    }

    @Test
    void aBinaryOrHugeFileInADirectoryFailsAloneWithItsReasonAndTheOthersAreChecked() throws IOException {
        write("one", "profile one {\n  /a r,\n}\n");
        Files.write(dir.resolve("image.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
        // Sparse: its size is what is refused, before a byte is read (a 250 MB log ran lint out of memory).
        try (var huge = new java.io.RandomAccessFile(dir.resolve("kern.log").toFile(), "rw")) {
            huge.setLength(17L << 20);
        }
        CommandRun run = lint("--format", "json", dir.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("cannot read " + dir.resolve("image.png") + ": it holds binary data (a NUL byte at offset 4)")
                .contains("cannot read " + dir.resolve("kern.log") + ": it is 17 MB, far more than any AppArmor policy file");
        JsonNode files = new ObjectMapper().readTree(run.out()).get("files");
        assertThat(files).extracting(f -> f.get("path").asText() + " " + f.get("verdict").asText())
                .containsExactly(dir.resolve("image.png") + " FAIL", dir.resolve("kern.log") + " FAIL", dir.resolve("one") + " PASS");
        assertThat(files.get(0).get("unreadable").asText()).startsWith("it holds binary data");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(lint().exit()).isEqualTo(2);
        assertThat(lint("--format", "yaml", "x").exit()).isEqualTo(2);
        assertThat(lint(dir.resolve("missing").toString()).exit()).isEqualTo(2);
    }

    @Test
    void missingIncludeIsAnErrorButIfExistsIsNot() throws IOException {
        Path missing = write("missing", "profile m {\n  include <nowhere/file>\n}\n");
        Path tolerated = write("tolerated", "profile t {\n  include if exists <nowhere/file>\n}\n");
        assertThat(lint("-I", dir.toString(), missing.toString()).out()).contains("[include-not-found]");
        assertThat(lint("-I", dir.toString(), tolerated.toString()).exit()).isEqualTo(0);
    }

    @Test
    void aRuleThisMachinesParserWouldRefuseIsAWarningUnlessOnlyTheLanguageIsAsked() throws IOException {
        Requirements.require(InstalledParser.networkRuleForm() == NetworkRuleForm.FAMILY_AND_TYPE,
                "an AppArmor 3 apparmor_parser (Debian 12's package apparmor)");
        Path profile = write("net", "profile net {\n  network (send) inet stream,\n}\n");

        CommandRun run = lint(profile.toString());
        CommandRun languageOnly = lint("--language-only", profile.toString());

        assertThat(run.exit()).isZero(); // a warning: the file is good AppArmor 4
        assertThat(run.out()).startsWith(profile + ":2:3: warning: apparmor_parser on this machine (AppArmor 3)")
                .contains("Write 'network inet stream,' to load it here").endsWith("[network-needs-apparmor-4]\n");
        assertThat(languageOnly.exit()).isZero();
        assertThat(languageOnly.out()).isEmpty();
    }
}
