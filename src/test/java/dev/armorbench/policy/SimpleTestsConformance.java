package dev.armorbench.policy;

import dev.armorbench.policy.check.LintResult;
import dev.armorbench.policy.check.PolicyReader;
import dev.armorbench.policy.check.PolicySources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the reference's simple_tests the way the reference does: from a working folder in which the
 * corpus is named {@code simple_tests}, with {@code -I simple_tests} and the base directory {@code .}.
 */
final class SimpleTestsConformance {
    record Outcome(Path file, boolean expectedPass, boolean actualPass, String firstError) {
    }

    record Report(int cases, int agreed, List<Outcome> disagreements) {
        double agreement() {
            return cases == 0 ? 0 : 100.0 * agreed / cases;
        }
    }

    private SimpleTestsConformance() {
    }

    static Report run(Path corpus) throws IOException {
        // Named like the reference's parser/tst, since some cases include "../tst/simple_tests/…".
        Path scratch = Files.createTempDirectory("armorbench-simple-tests");
        Path work = Files.createDirectory(scratch.resolve("tst"));
        Path link = work.resolve("simple_tests");
        Files.createSymbolicLink(link, corpus.toAbsolutePath());
        try {
            PolicySources sources = new PolicySources(List.of(link), work);
            int cases = 0;
            int agreed = 0;
            List<Outcome> disagreements = new ArrayList<>();
            for (Path real : Corpora.filesUnder(corpus)) {
                Path file = link.resolve(corpus.relativize(real).toString());
                if (!file.getFileName().toString().endsWith(".sd")) {
                    continue;
                }
                String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                if (text.contains("#=DISABLED") || !text.contains("#=EXRESULT")) {
                    continue;
                }
                boolean expectedPass = text.matches("(?s).*#=EXRESULT\\s+PASS.*");
                LintResult result = PolicyReader.lint(file, sources);
                boolean actualPass = !result.hasErrors();
                cases++;
                if (expectedPass == actualPass) {
                    agreed++;
                } else {
                    String firstError = result.diagnostics().stream()
                            .filter(d -> d.severity() == dev.armorbench.policy.check.Severity.ERROR)
                            .map(d -> d.line() + ":" + d.column() + " " + d.message() + " [" + d.code() + "]")
                            .findFirst().orElse("");
                    disagreements.add(new Outcome(corpus.relativize(real),
                            expectedPass, actualPass, firstError));
                }
            }
            return new Report(cases, agreed, disagreements);
        } finally {
            Files.delete(link);
            Files.delete(work);
            Files.delete(scratch);
        }
    }

    static void print(Report report) {
        for (Outcome outcome : report.disagreements()) {
            System.out.println("DISAGREE " + outcome.file() + ": expected " + (outcome.expectedPass() ? "PASS" : "FAIL")
                    + ", got " + (outcome.actualPass() ? "PASS" : "FAIL") + (outcome.firstError().isEmpty() ? "" : " — " + outcome.firstError()));
        }
        System.out.printf("simple_tests agreement: %d of %d cases = %.2f%%, %d disagreements%n", report.agreed(),
                report.cases(), report.agreement(), report.disagreements().size());
    }

    public static void main(String[] args) throws IOException {
        print(run(Path.of(args[0])));
    }
}
