package dev.armorbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/cli.md is generated from the commands' --help (docs/make-cli-reference.sh); it must be current. */
class CliReferenceTest {
    @Test
    void referenceHoldsEveryCommandsCurrentHelp() throws Exception {
        String reference = Files.readString(Path.of("docs/cli.md"));
        List<List<String>> helps = new ArrayList<>();
        helps.add(List.of("--help"));
        new picocli.CommandLine(new ArmorBenchCommand()).getSubcommands().keySet()
                .forEach(name -> helps.add(List.of(name, "--help")));
        for (List<String> help : helps) {
            CommandRun run = CommandRun.of(help);
            assertThat(run.exit()).as("armorbench %s", help).isZero();
            assertThat(reference).as("docs/cli.md holds `armorbench %s` (run docs/make-cli-reference.sh)",
                    String.join(" ", help)).contains("```text\n" + run.out().strip() + "\n```");
        }
    }
}
