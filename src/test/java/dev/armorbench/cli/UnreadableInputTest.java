package dev.armorbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.armorbench.policy.check.PolicySources;
import dev.armorbench.policy.check.SourceFile;
import dev.armorbench.ui.suggest.LogImport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file that is named as a profile but cannot be one (binary, a directory, not UTF-8 where it
 * would be written back) gets one line naming it and the cause from every command, never a
 * stack trace.
 */
class UnreadableInputTest {
    @TempDir
    Path dir;

    @Test
    void binaryProfileIsNamedByEveryCommandThatReadsOne() throws IOException {
        Path binary = Files.write(dir.resolve("image.profile"), new byte[] {'p', 'r', 0, 1, 2, 3});
        Path log = Files.writeString(dir.resolve("kern.log"), "Nov 29 host kernel: booting\n");
        String expected = "cannot read " + binary + ": it holds binary data (a NUL byte at offset 2), not the text of a policy";
        for (List<String> args : List.of(
                List.of("lint", binary.toString()),
                List.of("tree", binary.toString()),
                List.of("suggest", "--log", log.toString(), "--profile", binary.toString()),
                List.of("trial", "--image", "busybox", "--profile", binary.toString()))) {
            CommandRun run = CommandRun.of(args);
            assertThat(run.exit()).as(args.toString()).isNotZero();
            assertThat(run.err()).as(args.toString()).contains("armorbench " + args.get(0) + ": " + expected)
                    .doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void aDirectoryGivenAsTheProfileToSuggestForIsNamed() throws IOException {
        Path log = Files.writeString(dir.resolve("kern.log"), "Nov 29 host kernel: booting\n");
        CommandRun run = CommandRun.of(List.of("suggest", "--log", log.toString(), "--profile", dir.toString()));
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("armorbench suggest: cannot read " + dir + ": it is a directory; give a file in it\n");
    }

    @Test
    void anIncludeDirectoryThatIsAFileIsNamedByEveryCommandThatTakesOne() throws IOException {
        Path profile = Files.writeString(dir.resolve("p.profile"), "profile p {\n}\n");
        Path log = Files.writeString(dir.resolve("kern.log"), "Nov 29 host kernel: booting\n");
        String expected = "-I " + profile + ": not a directory; give the directory that holds abstractions/ and"
                + " tunables/ (e.g. /etc/apparmor.d).";
        for (List<String> args : List.of(
                List.of("lint", "-I", profile.toString(), profile.toString()),
                List.of("tree", "-I", profile.toString(), profile.toString()),
                List.of("suggest", "-I", profile.toString(), "--log", log.toString(), "--profile", profile.toString()),
                List.of("trial", "-I", profile.toString(), "--image", "busybox", "--profile", profile.toString()))) {
            CommandRun run = CommandRun.of(args);
            assertThat(run.exit()).as(args.toString()).isNotZero();
            assertThat(run.err()).as(args.toString()).isEqualTo("armorbench " + args.get(0) + ": " + expected + "\n");
        }
    }

    @Test
    void trialRefusesAProfileThatIsNotUtf8BeforeItWouldWriteItBack() throws IOException {
        Path latin1 = Files.write(dir.resolve("latin1.profile"),
                "# caf\u00e9\nprofile p {\n}\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        CommandRun run = CommandRun.of(List.of("trial", "--apply", "--image", "busybox", "--profile", latin1.toString()));
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).startsWith("armorbench trial: cannot read " + latin1 + ": it is not UTF-8 text");
        assertThat(Files.readAllBytes(latin1)).as("left as it was").contains((byte) 0xe9);
    }

    @Test
    void logsAndSuggestSayTheSameOfALogThatIsNotThere() throws IOException {
        Path profile = Files.writeString(dir.resolve("p.profile"), "profile p {\n}\n");
        Path absent = dir.resolve("audit.log");
        CommandRun logs = CommandRun.of(List.of("logs", absent.toString()));
        CommandRun suggest = CommandRun.of(List.of("suggest", "--log", absent.toString(), "--profile", profile.toString()));

        String expected = absent + ": no such file; check the path.\n";
        assertThat(logs.err()).isEqualTo("armorbench logs: " + expected);
        assertThat(suggest.err()).isEqualTo("armorbench suggest: " + expected);
        assertThat(LogImport.run(absent, new SourceFile(profile,
                "profile p {\n}\n"), new PolicySources(List.of(), dir), List.of()))
                .as("File → Import Log").isEqualTo(new LogImport.Unreadable(expected.strip()));
    }

    @Test
    void anIoFailureNoCommandCaughtIsOneLineAndExitCode1() throws Exception {
        StringWriter err = new StringWriter();
        picocli.CommandLine logs = new picocli.CommandLine(new LogsCommand());
        logs.setErr(new PrintWriter(err, true));
        int exit = CommandLine.failure(new AccessDeniedException(dir.resolve("audit.log").toString()), logs, null);
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("armorbench logs: cannot read " + dir.resolve("audit.log")
                + ": permission denied; run as a user who may read it, or copy it to a file you may read\n");

        IllegalStateException bug = new IllegalStateException("a bug");
        assertThatThrownBy(() -> CommandLine.failure(bug, logs, null)).as("a bug keeps its stack trace").isSameAs(bug);
    }
}
