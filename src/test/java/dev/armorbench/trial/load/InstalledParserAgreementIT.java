package dev.armorbench.trial.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.policy.Corpora;
import dev.armorbench.policy.check.Diagnostic;
import dev.armorbench.policy.check.LintResult;
import dev.armorbench.policy.check.PolicyReader;
import dev.armorbench.policy.check.PolicySources;
import dev.armorbench.suggest.NetworkRuleForm;
import dev.armorbench.testing.Requirements;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The installed {@code apparmor_parser} against ArmorBench's warnings about it, on every case of
 * the reference's simple tests that AppArmor 4 reads ({@code #=EXRESULT PASS}): where the installed
 * parser refuses the file, ArmorBench must say why (an installed-parser warning, or an error of
 * the language); where it reads the file, no such warning may come. On AppArmor 3.0.8 (Debian 12)
 * a quarter of the cases are AppArmor 4 only. Slow (a parser run per case), hence an IT.
 */
class InstalledParserAgreementIT {
    /** What the installed parser refuses for the kernel's features, not for the language: no warning can say it. */
    private static final String KERNEL_FEATURE = "The current kernel does not support";

    @Test
    void whereTheInstalledParserRefusesAnAppArmor4CaseArmorBenchSaysWhyAndNowhereElse() throws Exception {
        AppArmorHost host = AppArmorHost.system();
        Requirements.require(host.parser().isPresent(), "apparmor_parser (Debian package apparmor)");
        Path corpus = Corpora.folder("parser-simple-tests");
        Path scratch = Files.createTempDirectory("armorbench-installed-parser");
        Path work = Files.createDirectory(scratch.resolve("tst"));
        Path link = Files.createSymbolicLink(work.resolve("simple_tests"), corpus.toAbsolutePath());
        NetworkRuleForm form = InstalledParser.networkRuleForm(host, new ProcessCommandRunner());
        int refused = 0;
        int explained = 0;
        int read = 0;
        List<String> silent = new ArrayList<>();
        List<String> falseWarnings = new ArrayList<>();
        try {
            PolicySources sources = new PolicySources(List.of(link), work);
            for (Path real : Corpora.filesUnder(corpus)) {
                String relative = corpus.relativize(real).toString();
                String text = Files.readString(real, StandardCharsets.UTF_8);
                if (!relative.endsWith(".sd") || text.contains("#=DISABLED") || text.contains("#=TODO")
                        || !text.matches("(?s).*#=EXRESULT\\s+PASS.*")) {
                    continue;
                }
                Path file = link.resolve(relative);
                CommandOutput parsed = new ProcessCommandRunner().run(List.of(host.parser().get().toString(), "-Q", "-K",
                        "-I", "simple_tests", "simple_tests/" + relative), Optional.of(work), new byte[0], Duration.ofSeconds(60));
                LintResult lint = PolicyReader.lint(file, sources);
                List<Diagnostic> warnings = new ArrayList<>(InstalledParserCheck.check(lint, () -> form));
                warnings.addAll(InstalledParserCheck.checkApparmor4Features(lint,
                        feature -> InstalledParser.reads(feature, host, new ProcessCommandRunner())));
                if (parsed.exitCode() == 0) {
                    read++;
                    if (!warnings.isEmpty()) {
                        falseWarnings.add(relative + ": " + warnings.get(0).code());
                    }
                } else {
                    refused++;
                    if (!warnings.isEmpty() || lint.hasErrors()) {
                        explained++;
                    } else if (!parsed.stderr().contains(KERNEL_FEATURE)) {
                        silent.add(relative + ": " + parsed.stderr().strip().lines().reduce((a, b) -> b).orElse(""));
                    }
                }
            }
        } finally {
            Files.delete(link);
            Files.delete(work);
            Files.delete(scratch);
        }
        System.out.printf("installed apparmor_parser: refuses %d of %d PASS cases; ArmorBench says why for %d"
                + " (the rest need kernel features); reads %d, with %d false warnings%n", refused, refused + read,
                explained, read, falseWarnings.size());
        silent.forEach(line -> System.out.println("  silent: " + line));
        falseWarnings.forEach(line -> System.out.println("  false warning: " + line));
        assertThat(refused + read).isGreaterThan(900);
        assertThat(silent).isEmpty();
        assertThat(falseWarnings).isEmpty();
    }
}
