package dev.armorbench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.policy.check.Diagnostic;
import dev.armorbench.policy.check.LintResult;
import dev.armorbench.policy.check.PolicyReader;
import dev.armorbench.policy.check.PolicySources;
import dev.armorbench.policy.check.Severity;
import dev.armorbench.testing.ReferenceParser;
import dev.armorbench.testing.Requirements;
import dev.armorbench.ui.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every profile in {@code samples/} is one a user can start from: apparmor_parser accepts it, our
 * lint finds nothing to warn about, File → Open Sample lists it, and samples/README.md explains it.
 */
class SampleProfilesTest {
    private static final Path SAMPLES = Path.of("samples");
    private static final Path APPARMOR_D = Path.of("/etc/apparmor.d");

    private static List<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            List<Path> found = files.filter(f -> f.toString().endsWith(".profile")).sorted().toList();
            assertThat(found).as("samples/*.profile").isNotEmpty();
            return found;
        }
    }

    @Test
    void apparmorParserAcceptsEverySample() throws Exception {
        for (Path sample : samples()) {
            ReferenceParser.Run run = ReferenceParser.compile(Files.readString(sample));
            assertThat(run.compiled()).as("apparmor_parser -Q -K %s:%n%s", sample, run.output()).isTrue();
        }
    }

    @Test
    void ourLintFindsNoErrorOrWarningInAnySample() throws Exception {
        Requirements.require(Files.isDirectory(APPARMOR_D.resolve("abstractions")),
                "/etc/apparmor.d/abstractions is missing (apt-get install apparmor): the samples include from it");
        PolicySources sources = new PolicySources(List.of(APPARMOR_D), SAMPLES);
        for (Path sample : samples()) {
            LintResult result = PolicyReader.lint(sample, sources);
            List<Diagnostic> serious = result.diagnostics().stream()
                    .filter(d -> d.severity() != Severity.INFO).toList();
            assertThat(serious).as("lint of %s", sample)
                    .extracting(d -> d.line() + ":" + d.column() + " " + d.message()).isEmpty();
        }
    }

    @Test
    void everySampleIsOfferedInTheAppAndExplained() throws Exception {
        String readme = Files.readString(SAMPLES.resolve("README.md"));
        for (Path sample : samples()) {
            String name = sample.getFileName().toString();
            assertThat(Samples.ALL).as("Samples.ALL (File → Open Sample)").contains(name);
            assertThat(readme).as("samples/README.md").contains("(" + name + ")");
            assertThat(Files.readString(sample)).as("%s says how to try it", name).contains("Try it");
            assertThat(Samples.text(name)).as("bundled copy of %s", name).isEqualTo(Files.readString(sample));
        }
    }
}
