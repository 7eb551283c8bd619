package dev.armorbench.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.policy.check.Diagnostic;
import dev.armorbench.policy.check.LintResult;
import dev.armorbench.policy.check.PolicyReader;
import dev.armorbench.policy.check.PolicySources;
import dev.armorbench.policy.check.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reference parser's own error tests ({@code parser/tst/errors.py} over the corpus folder
 * {@code parser-errors}): each profile fails or passes as it does there, and an error is in the
 * file and on the line the reference names, includes among them. The expectations are the
 * reference's, as its script states them (the folder holds only the profiles).
 */
class ParserErrorsConformanceTest {
    /** A profile, and the file and line of the reference's error ("-" when it passes). */
    private record Case(String profile, String errorFile, int errorLine) {}

    private static final List<Case> CASES = List.of(
            new Case("okay.sd", "-", 0),
            // "AppArmor parser error for errors/single.sd in profile errors/single.sd at line 3: Could not open 'failure'"
            new Case("single.sd", "single.sd", 3),
            // "… in profile errors/includes/busted at line 66: Could not open 'does-not-exist'"
            new Case("double.sd", "includes/busted", 66),
            // "… at line 6: syntax error, unexpected TOK_ID, expecting TOK_MODE"
            new Case("modefail.sd", "modefail.sd", 6),
            // "… at line 12: Could not open 'failure'"
            new Case("multi_include.sd", "multi_include.sd", 12),
            new Case("deprecation1.sd", "-", 0),
            new Case("deprecation2.sd", "-", 0));

    @Test
    void everyProfileFailsWhereTheReferenceSaysAndPassesWhereItDoes() throws IOException {
        Path folder = Corpora.folder("parser-errors");
        int agreed = 0;
        for (Case expected : CASES) {
            // As errors.py runs the parser: the folder is the include search path.
            LintResult result = PolicyReader.lint(folder.resolve(expected.profile()), new PolicySources(List.of(folder), folder));
            List<String> errors = result.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR)
                    .map(d -> folder.relativize(d.source().path().toAbsolutePath().normalize()) + ":" + d.line()).toList();
            List<String> wanted = expected.errorFile().equals("-") ? List.of()
                    : List.of(expected.errorFile() + ":" + expected.errorLine());
            boolean agrees = errors.equals(wanted);
            System.out.printf("%-18s reference %-20s ArmorBench %s%s%n", expected.profile(),
                    wanted.isEmpty() ? "PASS" : wanted.get(0), errors.isEmpty() ? "PASS" : errors, agrees ? "" : "  <- differs");
            agreed += agrees ? 1 : 0;
        }
        System.out.printf("parser-errors: %d of %d agree%n", agreed, CASES.size());
        assertThat(agreed).isEqualTo(CASES.size());
    }

    @Test
    void pathsAsProfileNamesAreNamedAsDeprecatedWithOrWithoutTheKeyword() throws IOException {
        // The reference warns with --warn=deprecated: "The use of file paths as profile names is deprecated".
        Path folder = Corpora.folder("parser-errors");
        for (String profile : List.of("deprecation1.sd", "deprecation2.sd")) {
            LintResult result = PolicyReader.lint(folder.resolve(profile), new PolicySources(List.of(folder), folder));
            assertThat(result.diagnostics()).as(profile).extracting(Diagnostic::code).contains("path-as-profile-name");
        }
    }
}
