package dev.armorbench.container;

import dev.armorbench.policy.check.LintResult;
import dev.armorbench.policy.check.PolicyReader;
import dev.armorbench.policy.check.PolicySources;
import dev.armorbench.policy.check.Severity;
import dev.armorbench.policy.check.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** An include directory with the few files the test profiles include, and analysis of profile texts. */
final class ContainerFixture {
    final Path includeDir;
    final PolicySources sources;

    ContainerFixture(Path dir) {
        this.includeDir = dir;
        try {
            write("abi/3.0", "");
            write("tunables/global", "@{PROC}=/proc/\n");
            write("abstractions/base", "/etc/ld.so.cache r,\n/{usr/,}lib{,32,64}/** mr,\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.sources = new PolicySources(List.of(dir), dir);
    }

    void write(String name, String text) throws IOException {
        Path file = includeDir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    LintResult lint(String text) {
        return PolicyReader.lint(new SourceFile(includeDir.resolve("open.profile"), text), sources);
    }

    ContainerAnalysis analyze(String text, ImageConfig image) {
        LintResult lint = lint(text);
        List<String> errors = lint.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR)
                .map(d -> d.code() + ": " + d.message()).toList();
        if (!errors.isEmpty()) {
            throw new AssertionError("the test profile has lint errors: " + errors);
        }
        return ContainerAnalysis.analyze(lint, new IncludePathProfiles(List.of(includeDir), sources), image);
    }

    ContainerAnalysis analyze(String text) {
        return analyze(text, null);
    }

    /** The sample profile shipped with the app (seed-shaped). */
    static String sample() {
        try {
            return Files.readString(Path.of("samples/container-with-children.profile"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<ContainerDiagnostic> withCode(ContainerAnalysis analysis, ContainerCheck check) {
        return analysis.diagnostics().stream().filter(d -> d.check() == check).toList();
    }

    static String covered(ContainerAnalysis analysis, ContainerDiagnostic diagnostic) {
        return analysis.policy().text().substring(diagnostic.diagnostic().start(), diagnostic.diagnostic().end());
    }
}
