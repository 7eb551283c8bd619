package dev.armorbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.armorbench.trial.load.LoadOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code armorbench load} on this machine (no AppArmor in its kernel), and its exit codes. */
class LoadCommandTest {
    @TempDir
    Path dir;

    @Test
    void onAKernelWithoutAppArmorItSaysSoAndExits3() throws IOException {
        assumeTrue(!Files.exists(Path.of("/sys/module/apparmor/parameters/enabled")),
                "this machine's kernel has AppArmor");
        Path profile = Files.writeString(dir.resolve("p.profile"), "profile p {\n  /bin/true mrix,\n}\n");
        CommandRun run = CommandRun.of(List.of("load", profile.toString()));
        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.err()).startsWith("AppArmor is not enabled");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aMissingFileIsAUsageError() {
        CommandRun run = CommandRun.of(List.of("load", dir.resolve("nope.profile").toString()));
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("nope.profile: no such file");
    }

    @Test
    void complainAndRemoveAreExclusive() throws IOException {
        Path profile = Files.writeString(dir.resolve("p.profile"), "profile p {}\n");
        CommandRun run = CommandRun.of(List.of("load", "--complain", "--remove", profile.toString()));
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("mutually exclusive");
    }

    @Test
    void theHelpDocumentsEveryExitCode() {
        CommandRun run = CommandRun.of(List.of("load", "--help"));
        assertThat(run.exit()).isZero();
        assertThat(run.out().replaceAll("\\s+", " ")).contains("apparmor_parser -r -K", "--complain", "--remove",
                "--dry-run", "0 done", "1 the profile was refused", "2 usage error", "3 this machine cannot load profiles",
                "4 no root", "5 the command could not run");
    }

    @Test
    void everyOutcomeHasOneOfTheDocumentedCodes() {
        assertThat(Arrays.stream(LoadOutcome.values()).mapToInt(LoadCommand::exitCode).distinct().sorted().toArray())
                .containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(LoadCommand.exitCode(LoadOutcome.AUTHENTICATION_DISMISSED)).isEqualTo(4);
        assertThat(LoadCommand.exitCode(LoadOutcome.PARSER_ERROR)).isEqualTo(1);
    }
}
