package dev.armorbench.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.policy.check.Diagnostic;
import dev.armorbench.policy.check.DiagnosticFix;
import dev.armorbench.policy.check.LintResult;
import dev.armorbench.policy.check.PolicyReader;
import dev.armorbench.policy.check.PolicySources;
import dev.armorbench.policy.check.SourceFile;
import dev.armorbench.policy.syntax.TextEdit;
import dev.armorbench.testing.ReferenceParser;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fixes that come with a conflicting-exec-modes error: one rule takes the other's transition as
 * written there. Each fixed profile must lint without the error and, where apparmor_parser is
 * installed, compile.
 */
class ExecModeClashFixTest {
    private static final String HEAD = "profile xt {\n";
    private static final String TAIL = "\n  profile foo { }\n}\n";

    private static LintResult lint(String text) {
        return PolicyReader.lint(new SourceFile(Path.of("test.profile"), text),
                new PolicySources(List.of(Path.of("/nonexistent")), Path.of("/nonexistent")));
    }

    private static List<DiagnosticFix> fixes(String body) {
        List<Diagnostic> clashes = lint(HEAD + body + TAIL).diagnostics().stream()
                .filter(d -> d.code().equals("conflicting-exec-modes")).toList();
        assertThat(clashes).as("the clash in %s", body).hasSize(1);
        return clashes.get(0).fixes();
    }

    /** The body after the fix, checked to lint clean of the clash and to compile. */
    private static String fixed(String body, DiagnosticFix fix) throws Exception {
        String text = TextEdit.apply(HEAD + body + TAIL, fix.edits());
        assertThat(lint(text).diagnostics()).as("lint after '%s'", fix.title()).noneMatch(d -> d.severity()
                == dev.armorbench.policy.check.Severity.ERROR);
        assertCompiles(text);
        return text.substring(HEAD.length(), text.length() - TAIL.length());
    }

    @Test
    void eitherRuleTakesTheOthersMode() throws Exception {
        String body = "  /usr/bin/* px,\n  /usr/bin/f* mrix,";
        List<DiagnosticFix> fixes = fixes(body);
        assertThat(fixes).extracting(DiagnosticFix::title)
                .containsExactly("Use 'px' here, as line 2 does", "Use 'ix' on line 2 too, as here");
        assertThat(fixed(body, fixes.get(0))).isEqualTo("  /usr/bin/* px,\n  /usr/bin/f* mrpx,");
        assertThat(fixed(body, fixes.get(1))).isEqualTo("  /usr/bin/* ix,\n  /usr/bin/f* mrix,");
    }

    @Test
    void rulesOfOnePathTextAreFixedTheSameWay() throws Exception {
        String body = "  /usr/bin/foo Px,\n  owner /usr/bin/foo rix,";
        List<DiagnosticFix> fixes = fixes(body);
        assertThat(fixes).extracting(DiagnosticFix::title)
                .containsExactly("Use 'Px' here, as line 2 does", "Use 'ix' on line 2 too, as here");
        assertThat(fixed(body, fixes.get(0))).isEqualTo("  /usr/bin/foo Px,\n  owner /usr/bin/foo rPx,");
    }

    @Test
    void theTargetGoesWithTheMode() throws Exception {
        String body = "  /usr/bin/** rCx -> foo,\n  ix /usr/bin/f*,";
        List<DiagnosticFix> fixes = fixes(body);
        assertThat(fixes).extracting(DiagnosticFix::title)
                .containsExactly("Use 'Cx -> foo' here, as line 2 does", "Use 'ix' on line 2 too, as here");
        assertThat(fixed(body, fixes.get(0))).isEqualTo("  /usr/bin/** rCx -> foo,\n  Cx /usr/bin/f* -> foo,");
        assertThat(fixed(body, fixes.get(1))).isEqualTo("  /usr/bin/** rix,\n  ix /usr/bin/f*,");
    }

    @Test
    void aTargetIsReplacedAsWritten() throws Exception {
        String body = "  /usr/bin/* px -> foo,\n  \"/usr/bin/f*\" px -> \"xt//foo\" ,";
        // px -> foo and px -> xt//foo are different transitions; px -> foo on the child's own name is meant.
        List<DiagnosticFix> fixes = fixes(body);
        assertThat(fixed(body, fixes.get(0))).isEqualTo("  /usr/bin/* px -> foo,\n  \"/usr/bin/f*\" px -> foo ,");
    }

    @Test
    void aMultiLineRuleKeepsItsLayout() throws Exception {
        String body = "  /usr/bin/* px,\n  /usr/bin/f*\n      ix,";
        assertThat(fixed(body, fixes(body).get(0))).isEqualTo("  /usr/bin/* px,\n  /usr/bin/f*\n      px,");
    }

    @Test
    void changeProfileRulesTakeTheOthersSafety() throws Exception {
        String body = "  change_profile unsafe /usr/bin/f* -> foo,\n  audit change_profile /usr/bin/fo? -> foo,";
        List<DiagnosticFix> fixes = fixes(body);
        assertThat(fixes).extracting(DiagnosticFix::title)
                .containsExactly("Make it unsafe here, as line 2 does", "Make it safe on line 2 too, as here");
        assertThat(fixed(body, fixes.get(0)))
                .isEqualTo("  change_profile unsafe /usr/bin/f* -> foo,\n  audit change_profile unsafe /usr/bin/fo? -> foo,");
        assertThat(fixed(body, fixes.get(1)))
                .isEqualTo("  change_profile safe /usr/bin/f* -> foo,\n  audit change_profile /usr/bin/fo? -> foo,");
        // Rules of one program and target text are fixed the same way.
        String same = "  change_profile /usr/bin/foo,\n  change_profile unsafe /usr/bin/foo,";
        assertThat(fixed(same, fixes(same).get(0))).isEqualTo("  change_profile /usr/bin/foo,\n  change_profile safe /usr/bin/foo,");
    }

    @Test
    void noFixWhenASafetyKeywordWouldOverrideTheLetters() {
        assertThat(fixes("  safe /usr/bin/* px,\n  /usr/bin/f* ix,")).isEmpty();
        assertThat(fixes("  /usr/bin/* px,\n  unsafe /usr/bin/f* ix,")).isEmpty();
    }

    @Test
    void noFixThatWouldRemoveAComment() {
        assertThat(fixes("  /usr/bin/* px # why\n      -> foo,\n  /usr/bin/f* ix,")).isEmpty();
    }

    private static void assertCompiles(String text) throws Exception {
        ReferenceParser.Run run = ReferenceParser.compile(text);
        assertThat(run.compiled()).as("apparmor_parser -Q -K on:%n%s%n%s", text, run.output()).isTrue();
    }
}
