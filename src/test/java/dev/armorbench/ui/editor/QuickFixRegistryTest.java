package dev.armorbench.ui.editor;

import dev.armorbench.policy.syntax.TextEdit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.policy.check.PolicyReader;
import dev.armorbench.policy.check.PolicySources;
import dev.armorbench.policy.check.SourceFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The standard fixes, applied to what the policy engine reports for real mistakes. */
class QuickFixRegistryTest {
    private final QuickFixRegistry registry = QuickFixRegistry.standard();

    private List<FixProposal> fixes(String text, String code) {
        var result = PolicyReader.lint(new SourceFile(Path.of("/tmp/probe"), text),
                new PolicySources(List.of(), Path.of("/tmp")));
        Problem problem = result.diagnostics().stream().filter(d -> d.code().equals(code)).map(Problem::of)
                .findFirst().orElseThrow(() -> new AssertionError("no " + code + " in " + result.diagnostics()));
        return registry.fixesFor(problem, text);
    }

    @Test
    void addsTheMissingCommaBeforeAClosingBraceAndBeforeTheNextRule() {
        String last = "profile p {\n  /etc/hosts r\n}\n";
        assertThat(fixes(last, "missing-comma").get(0).applyTo(last)).isEqualTo("profile p {\n  /etc/hosts r,\n}\n");
        String between = "profile p {\n  /etc/hosts r\n  capability chown,\n}\n";
        assertThat(fixes(between, "unexpected-token").get(0).applyTo(between))
                .isEqualTo("profile p {\n  /etc/hosts r,\n  capability chown,\n}\n");
    }

    @Test
    void replacesTheDeprecatedHashInclude() {
        String text = "#include <tunables/global>\nprofile p {\n}\n";
        List<FixProposal> found = fixes(text, "deprecated-hash-include");
        assertThat(found).extracting(FixProposal::title).containsExactly("Replace '#include' with 'include'");
        assertThat(found.get(0).applyTo(text)).isEqualTo("include <tunables/global>\nprofile p {\n}\n");
    }

    @Test
    void correctsAnUnknownCapabilityToTheNearestNames() {
        String text = "profile p {\n  capability net_bind_servce,\n}\n";
        List<FixProposal> found = fixes(text, "unknown-capability");
        assertThat(found.get(0).title()).isEqualTo("Change to capability 'net_bind_service'");
        assertThat(found.get(0).applyTo(text)).isEqualTo("profile p {\n  capability net_bind_service,\n}\n");
        assertThat(fixes("profile p {\n  capability xyzzyplugh,\n}\n", "unknown-capability")).isEmpty();
    }

    @Test
    void wrapsBareMountOptionsInParentheses() {
        String text = "profile p {\n  mount options=ro,noexec /dev -> /mnt,\n}\n";
        List<FixProposal> found = fixes(text, "mount-options-list");
        assertThat(found).extracting(FixProposal::title).containsExactly("Write (ro,noexec)");
        assertThat(found.get(0).applyTo(text)).isEqualTo("profile p {\n  mount options=(ro,noexec) /dev -> /mnt,\n}\n");
    }

    @Test
    void putsASpaceAfterAGluedArrow() {
        String text = "profile p {\n  change_profile /usr/bin/x ->/usr/bin/y,\n}\n";
        List<FixProposal> found = fixes(text, "arrow-without-space");
        assertThat(found).extracting(FixProposal::title).containsExactly("Put a space after '->'");
        assertThat(found.get(0).applyTo(text)).isEqualTo("profile p {\n  change_profile /usr/bin/x -> /usr/bin/y,\n}\n");
    }

    @Test
    void removesTheArrowOfAnUnmountPoint() {
        String text = "profile p {\n  umount ->/mnt,\n}\n";
        List<FixProposal> found = fixes(text, "arrow-in-mount-point");
        assertThat(found).extracting(FixProposal::title).containsExactly("Remove '->'");
        assertThat(found.get(0).applyTo(text)).isEqualTo("profile p {\n  umount /mnt,\n}\n");
    }

    @Test
    void removesATargetThatHasNoExecMode() {
        String text = "profile p {\n  /a r -> b,\n  deny rw /c  -> /d,\n}\n";
        List<FixProposal> found = fixes(text, "target-without-transition");
        assertThat(found).extracting(FixProposal::title).containsExactly("Remove '-> b'");
        assertThat(found.get(0).applyTo(text)).isEqualTo("profile p {\n  /a r,\n  deny rw /c  -> /d,\n}\n");
    }

    @Test
    void separatesPermissionsFromAGluedArrow() {
        String text = "profile p {\n  /a px->b,\n}\n";
        List<FixProposal> found = fixes(text, "permissions-glued-to-arrow");
        assertThat(found).extracting(FixProposal::title).containsExactly("Put a space before '->'");
        assertThat(found.get(0).applyTo(text)).isEqualTo("profile p {\n  /a px ->b,\n}\n");
    }

    @Test
    void putsABlankBetweenAWordAndTheCommaOfACrlfLine() {
        String text = "profile p {\r\n  signal send,\r\n}\r\n";
        List<FixProposal> found = fixes(text, "crlf-after-word");
        assertThat(found).extracting(FixProposal::title).containsExactly("Put a blank before ','");
        assertThat(found.get(0).applyTo(text)).isEqualTo("profile p {\r\n  signal send ,\r\n}\r\n");
    }

    @Test
    void movesACommentOutOfAMultiLineRule() {
        String text = "profile p {\n  /a r,\n\n  dbus send\n       bus=session\n       # path=/x\n       member=M,\n}\n";
        List<FixProposal> found = fixes(text, "comment-in-rule");
        assertThat(found).extracting(FixProposal::title).containsExactly("Move the comment above the rule");
        assertThat(found.get(0).applyTo(text)).isEqualTo(
                "profile p {\n  /a r,\n\n  # path=/x\n  dbus send\n       bus=session\n       member=M,\n}\n");
        // A comment after code on a rule's line goes too, and the rule right after a '{' is found.
        String trailing = "profile p {\n  signal send # to the parent\n    set=hup,\n}\n";
        assertThat(fixes(trailing, "comment-in-rule").get(0).applyTo(trailing))
                .isEqualTo("profile p {\n  # to the parent\n  signal send\n    set=hup,\n}\n");
    }

    @Test
    void laterChecksPlugInTheirOwnFixes() {
        Problem problem = new Problem(dev.armorbench.policy.check.Severity.WARNING, "container-example", "m", 0, 0, 0, 3);
        assertThat(registry.fixesFor(problem, "abc")).isEmpty();
        registry.register("container-example", (p, text) -> List.of(FixProposal.of("Remove", new TextEdit(p.start(), p.end(), ""))));
        assertThat(registry.fixesFor(problem, "abcdef").get(0).applyTo("abcdef")).isEqualTo("def");
    }

    @Test
    void editDistanceCountsTypos() {
        assertThat(EditDistance.between("chwon", "chown")).isEqualTo(2);
        assertThat(EditDistance.between("", "abc")).isEqualTo(3);
        assertThat(EditDistance.nearest("sys_admn", AppArmorVocabulary.CAPABILITIES, 1)).containsExactly("sys_admin");
    }
}
