package dev.armorbench.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.policy.check.Diagnostic;
import dev.armorbench.policy.check.LintResult;
import dev.armorbench.policy.check.PolicyReader;
import dev.armorbench.policy.check.PolicySources;
import dev.armorbench.policy.check.SourceFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two exec rules whose patterns meet with different exec modes: apparmor_parser 3.0.8's "profile has
 * merged rule with conflicting x modifiers". Each case below was run through that parser; 10,500
 * generated profiles of two to four exec rules agree with it (see docs/policy.md).
 */
class ExecModeClashTest {
    private static final String PREAMBLE = "@{B}=/usr/bin /usr/sbin\n@{L}=/usr/bin/foo /usr/bin/bar\n@{T}=foo bar\n";

    private static List<Diagnostic> clashes(String body) {
        LintResult result = PolicyReader.lint(new SourceFile(Path.of("test.profile"),
                PREAMBLE + "profile xt {\n" + body + "\n  profile foo { }\n}\n"),
                new PolicySources(List.of(Path.of("/nonexistent")), Path.of("/nonexistent")));
        return result.diagnostics().stream().filter(d -> d.code().equals("conflicting-exec-modes")).toList();
    }

    @Test
    void patternsThatMeetWithDifferentModesClash() {
        List<Diagnostic> found = clashes("  /usr/bin/* px,\n  /usr/bin/f* ix,");
        assertThat(found).singleElement().extracting(Diagnostic::message).asString()
                .startsWith("'/usr/bin/f*' ix and '/usr/bin/*' px (line 5) both match '/usr/bin/f'");
        assertThat(clashes("  /usr/bin/** px,\n  /usr/bin/a/** ix,")).hasSize(1);
        assertThat(clashes("  /** px,\n  /usr/lib/** ix,")).hasSize(1);
        assertThat(clashes("  /{usr,opt}/bin/* px,\n  /opt/*/x ix,")).hasSize(1);
        // The scrubbing letter, a fallback and a target are all part of the mode.
        assertThat(clashes("  /usr/bin/* px,\n  /usr/bin/f* Px,")).hasSize(1);
        assertThat(clashes("  /usr/bin/* px,\n  /usr/bin/f* pix,")).hasSize(1);
        assertThat(clashes("  /usr/bin/* px,\n  /usr/bin/f* px -> foo,")).hasSize(1);
        assertThat(clashes("  /usr/bin/** cx -> foo,\n  /usr/bin/f* cx,")).hasSize(1);
        // Other permissions on the rules do not matter; audit does not either.
        assertThat(clashes("  /usr/bin/* mrpx,\n  /usr/bin/f* rix,")).hasSize(1);
        assertThat(clashes("  /usr/bin/* px,\n  audit /usr/bin/f* ix,")).hasSize(1);
        // A variable's values are one pattern; a glob among them makes the rule a pattern.
        assertThat(clashes("  /usr/bin/* px,\n  /usr/bin/{a,b*} ix,")).hasSize(1);
        assertThat(clashes("  /usr/sbin/x ix,\n  @{B}/* px,")).isEmpty();
        assertThat(clashes("  /usr/sbin/x* ix,\n  @{B}/* px,")).hasSize(1);
        // A deny rule does not settle a clash.
        assertThat(clashes("  deny /usr/bin/f* x,\n  /usr/bin/* px,\n  /usr/bin/f* ix,")).hasSize(1);
    }

    @Test
    void anExactPathTakesPrecedenceOverPatterns() {
        assertThat(clashes("  /usr/bin/* px,\n  /usr/bin/foo cx,")).isEmpty();
        assertThat(clashes("  /usr/bin/* px,\n  /usr/bin/f{oo,aa} ix,")).isEmpty();
        assertThat(clashes("  /usr/bin/* px,\n  @{L} ix,")).isEmpty();
        assertThat(clashes("  /usr/bin/* px,\n  /usr/bin/f\\* ix,")).isEmpty();
        // A character class is a pattern, even of one character.
        assertThat(clashes("  /usr/bin/* px,\n  /usr/bin/fo[o] ix,")).hasSize(1);
        // Two exact rules clash where their paths are the same.
        assertThat(clashes("  /usr/bin/foo px,\n  @{L} ix,")).hasSize(1);
    }

    @Test
    void rulesThatDoNotMeetOrAgreeDoNotClash() {
        assertThat(clashes("  /usr/bin/f* px,\n  /usr/bin/b* ix,")).isEmpty();
        assertThat(clashes("  /usr/bin/** px,\n  /usr/lib/** ix,")).isEmpty();
        assertThat(clashes("  /usr/bin/* ix,\n  /usr/bin/f* ix,")).isEmpty();
        // owner and other rules apply to different files; a plain rule applies to both.
        assertThat(clashes("  owner /usr/bin/* px,\n  other /usr/bin/f* ix,")).isEmpty();
        assertThat(clashes("  owner /usr/bin/bar Ux,\n  other /usr/bin/bar Px -> bar,")).isEmpty();
        assertThat(clashes("  owner /usr/bin/* px,\n  /usr/bin/f* ix,")).hasSize(1);
        // 'cx -> foo' names the child xt//foo, as 'px -> xt//foo' does.
        assertThat(clashes("  /usr/bin/* px -> xt//foo,\n  /usr/bin/f* cx -> foo,")).isEmpty();
        assertThat(clashes("  /usr/bin/f\\* cx -> foo,\n  /usr/bin/f\\* px -> xt//foo,")).isEmpty();
        // Written before the path, the letters mean the same; 'safe' and 'unsafe' decide when given.
        assertThat(clashes("  px /usr/bin/f*,\n  /usr/bin/* px,")).isEmpty();
        assertThat(clashes("  rpx /opt/*/x,\n  /opt/*/x px,")).isEmpty();
        assertThat(clashes("  safe px /usr/bin/f*,\n  /usr/bin/* Px,")).isEmpty();
        assertThat(clashes("  unsafe /usr/bin/f* Px,\n  /usr/bin/* px,")).isEmpty();
        assertThat(clashes("  Px /usr/bin/f*,\n  /usr/bin/* px,")).hasSize(1);
    }

    @Test
    void rulesWithAPriorityOrPerBuildAlternativesAreNotCalledClashes() {
        // AppArmor 4 merges only the rules of the highest priority that match; not measured here.
        assertThat(clashes("  priority=-1 /** px,\n  priority=-1 /usr/lib/** ix,")).isEmpty();
        // apparmor.d's build keeps one of two such lines; both are read here.
        LintResult result = PolicyReader.lint(new SourceFile(Path.of("test.profile"),
                "profile xt {\n  /usr/bin/* px, #aa:exclude RBAC\n  /usr/bin/f* ix,\n}\n"),
                new PolicySources(List.of(Path.of("/nonexistent")), Path.of("/nonexistent")));
        assertThat(result.diagnostics()).extracting(Diagnostic::code).containsExactly("build-alternative");
    }

    @Test
    void changeProfileRulesClashWhereProgramsAndTargetsMeetOneSafeOneUnsafe() {
        List<Diagnostic> found = clashes("  change_profile /usr/bin/* -> foo,\n  change_profile unsafe /usr/bin/f* -> foo,");
        assertThat(found).singleElement().extracting(Diagnostic::message).asString().startsWith(
                "'change_profile unsafe /usr/bin/f* -> foo,' and 'change_profile /usr/bin/* -> foo,' (line 5) both allow"
                        + " '/usr/bin/f' to change to 'foo', one unsafe and one safe");
        // No target is any target; a pattern of targets meets a name.
        assertThat(clashes("  change_profile /usr/bin/foo,\n  change_profile unsafe /usr/bin/f* -> foo,")).hasSize(1);
        assertThat(clashes("  change_profile /usr/bin/* -> foo,\n  change_profile unsafe /usr/bin/foo -> f*,")).hasSize(1);
        assertThat(clashes("  change_profile /usr/bin/* -> {foo,bar},\n  change_profile unsafe /usr/bin/f* -> foo,"))
                .hasSize(1);
        // Targets that do not meet, the same safety, an exact program and target: no clash.
        assertThat(clashes("  change_profile /usr/bin/* -> foo,\n  change_profile unsafe /usr/bin/f* -> foo//bar,"))
                .isEmpty();
        assertThat(clashes("  change_profile /usr/bin/* -> foo,\n  change_profile safe /usr/bin/f* -> foo,")).isEmpty();
        assertThat(clashes("  change_profile /usr/bin/* -> f*,\n  change_profile unsafe /usr/bin/foo -> foo,")).isEmpty();
        assertThat(clashes("  change_profile -> foo,\n  change_profile unsafe /usr/bin/f* -> foo,")).isEmpty();
        // Deny rules merge with deny rules of the same text (after expansion) only.
        assertThat(clashes("  deny change_profile unsafe /usr/bin/a -> bar,\n  change_profile /usr/bin/a -> bar,"))
                .isEmpty();
        assertThat(clashes("  deny change_profile unsafe /usr/bin/* -> bar,\n  deny change_profile /usr/bin/a* -> bar,"))
                .isEmpty();
        assertThat(clashes("  deny change_profile unsafe @{B}/foo -> @{T},\n  deny change_profile @{B}/foo -> {foo,bar},"))
                .hasSize(1);
    }

    @Test
    void aClashWithARuleOfAnotherProfileIsNone() {
        assertThat(clashes("  /usr/bin/* px,\n  profile bar { /usr/bin/f* ix, }")).isEmpty();
    }
}
