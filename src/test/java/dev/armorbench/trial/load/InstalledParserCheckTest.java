package dev.armorbench.trial.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.container.QuickFix;
import dev.armorbench.policy.check.Diagnostic;
import dev.armorbench.policy.check.LintResult;
import dev.armorbench.policy.check.PolicyReader;
import dev.armorbench.policy.check.PolicySources;
import dev.armorbench.policy.check.Severity;
import dev.armorbench.policy.check.SourceFile;
import dev.armorbench.suggest.NetworkRuleForm;
import dev.armorbench.suggest.RuleKind;
import dev.armorbench.testing.Requirements;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The editor's warning for network rules an AppArmor 3 parser refuses, and its fix, against the real parser. */
class InstalledParserCheckTest {
    private static final String PROFILE = String.join("\n",
            "profile web {",
            "  network inet stream,",
            "  network (send) inet stream,",
            "  audit deny network send inet6 dgram peer=(ip=::1),",
            "  network,",
            "  audit {",
            "    network inet stream ip=127.0.0.1 port=80,",
            "  }",
            "  profile helper {",
            "    network (connect) inet stream,",
            "  }",
            "}",
            "");

    private static LintResult lint(String text) {
        return PolicyReader.lint(new SourceFile(Path.of("web"), text), new PolicySources(List.of(), Path.of("")));
    }

    private static List<String> warned(String text, NetworkRuleForm form) {
        return InstalledParserCheck.check(lint(text), () -> form).stream()
                .map(d -> text.substring(d.start(), d.end()))
                .toList();
    }

    @Test
    void forAnAppArmor3ParserEveryRuleWithPermissionsOrAddressesIsWarnedAbout() {
        assertThat(warned(PROFILE, NetworkRuleForm.FAMILY_AND_TYPE)).containsExactly(
                "network (send) inet stream,",
                "audit deny network send inet6 dgram peer=(ip=::1),",
                "network inet stream ip=127.0.0.1 port=80,",
                "network (connect) inet stream,");
        List<Diagnostic> diagnostics = InstalledParserCheck.check(lint(PROFILE), () -> NetworkRuleForm.FAMILY_AND_TYPE);
        assertThat(diagnostics).allSatisfy(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.code()).isEqualTo(InstalledParserCheck.CODE);
        });
        assertThat(diagnostics.get(0).message()).contains("AppArmor 3").contains("'network inet stream,'");
    }

    @Test
    void theParserIsAskedOnlyWhenTheTextHasARuleItCouldRefuse() {
        String plain = "profile web {\n  network inet stream,\n  /etc/hosts r,\n}\n";

        assertThat(InstalledParserCheck.check(lint(plain), () -> {
            throw new AssertionError("the parser was asked about a file with no rule it could refuse");
        })).isEmpty();
    }

    @Test
    void appArmor4RulesAreWarnedAboutForAParserThatRefusesThemAndTheFixRemovesThem() {
        String text = "profile app {\n  /etc/hosts r,\n  userns,\n  mqueue r type=posix /q,\n  profile helper {\n"
                + "    audit userns create,\n    io_uring sqpoll,\n  }\n}\n";
        List<Diagnostic> warned = InstalledParserCheck.checkApparmor4Rules(lint(text), kind -> false);
        assertThat(warned).extracting(d -> d.code() + " " + text.substring(d.start(), d.end())).containsExactly(
                "mqueue-needs-apparmor-4 mqueue r type=posix /q,", "io_uring-needs-apparmor-4 io_uring sqpoll,",
                "userns-needs-apparmor-4 userns,", "userns-needs-apparmor-4 audit userns create,");
        assertThat(warned).allSatisfy(d -> assertThat(d.severity()).isEqualTo(Severity.WARNING));
        // A parser that reads some kinds is warned about the others only.
        assertThat(InstalledParserCheck.checkApparmor4Rules(lint(text), kind -> kind != RuleKind.USERNS))
                .extracting(Diagnostic::code).containsOnly("userns-needs-apparmor-4");
        assertThat(InstalledParserCheck.checkApparmor4Rules(lint(PROFILE), kind -> {
            throw new AssertionError("the parser was asked about a file with no such rule");
        })).isEmpty();

        int start = text.indexOf("userns,");
        List<QuickFix> fixes = InstalledParserCheck.apparmor4RuleFixes(RuleKind.USERNS, text, start, start + "userns,".length());
        assertThat(fixes).extracting(QuickFix::title).containsExactly("Remove it: AppArmor 3 does not mediate user namespaces");
        assertThat(fixes.get(0).apply(text)).isEqualTo(text.replace("  userns,\n", ""));
    }

    @Test
    void forAParserThatReadsThemThereIsNothingToSay() {
        assertThat(warned(PROFILE, NetworkRuleForm.FINE_GRAINED)).isEmpty();
    }

    @Test
    void theFixWritesFamilyAndTypeKeepingQualifiersAndSaysWhatItCovers() {
        String rule = "audit deny network send inet6 dgram peer=(ip=::1),";
        int start = PROFILE.indexOf(rule);

        List<QuickFix> fixes = InstalledParserCheck.fixes(PROFILE, start, start + rule.length());

        assertThat(fixes).hasSize(1); // 'network,' allows; it does not cover an audited deny
        assertThat(fixes.get(0).apply(PROFILE)).contains("  audit deny network inet6 dgram,\n").doesNotContain("peer=");
        assertThat(fixes.get(0).title()).isEqualTo("Write 'audit deny network inet6 dgram,' for AppArmor 3 (all of inet6 dgram)");
        String bare = "network (send) ip=10.0.0.1,";
        assertThat(InstalledParserCheck.fixes(bare, 0, bare.length())).extracting(QuickFix::title)
                .containsExactly("Write 'network,' for AppArmor 3 (all networking)");
        assertThat(InstalledParserCheck.fixes(PROFILE, PROFILE.indexOf("network inet stream,"),
                PROFILE.indexOf("network inet stream,") + "network inet stream,".length())).isEmpty();
    }

    @Test
    void whenAnotherRuleOfTheProfileCoversWhatAppArmor3CanSayTheFirstFixRemovesTheLine() {
        String rule = "network (send) inet stream,";
        int start = PROFILE.indexOf(rule);

        List<QuickFix> fixes = InstalledParserCheck.fixes(PROFILE, start, start + rule.length());

        assertThat(fixes).extracting(QuickFix::title).containsExactly(
                "Remove it: 'network inet stream,' already covers what AppArmor 3 can say of it",
                "Write 'network inet stream,' for AppArmor 3 (all of inet stream)");
        assertThat(fixes.get(0).apply(PROFILE)).isEqualTo(PROFILE.replace("  " + rule + "\n", ""));
        // Not for a rule in a qualifier block (removing it would drop its audit), nor across profiles.
        for (String elsewhere : List.of("network inet stream ip=127.0.0.1 port=80,", "network (connect) inet stream,")) {
            int at = PROFILE.indexOf(elsewhere);
            assertThat(InstalledParserCheck.fixes(PROFILE, at, at + elsewhere.length())).extracting(QuickFix::title)
                    .noneMatch(title -> title.startsWith("Remove"));
        }
    }

    @Test
    void theRealParserRefusesWhatIsWarnedAboutAndReadsTheFixedProfile() throws Exception {
        AppArmorHost host = AppArmorHost.system();
        Requirements.require(host.parser().isPresent(), "apparmor_parser (Debian package apparmor)");
        NetworkRuleForm form = InstalledParser.networkRuleForm(host, new ProcessCommandRunner());
        boolean loadsAsWritten = compiles(host, PROFILE);
        List<Diagnostic> warnings = InstalledParserCheck.check(lint(PROFILE), () -> form);

        // Warnings exactly when this machine's parser refuses the file.
        assertThat(warnings.isEmpty()).isEqualTo(loadsAsWritten);
        String fixed = PROFILE;
        for (int i = warnings.size() - 1; i >= 0; i--) { // from the end, so earlier offsets stay valid
            Diagnostic warning = warnings.get(i);
            List<QuickFix> fixes = InstalledParserCheck.fixes(fixed, warning.start(), warning.end());
            fixed = fixes.get(fixes.size() - 1).apply(fixed); // the rewrite; a removal is checked above
        }
        assertThat(compiles(host, fixed)).as(fixed).isTrue();
        assertThat(InstalledParserCheck.check(lint(fixed), () -> NetworkRuleForm.FAMILY_AND_TYPE)).isEmpty();
    }

    private static boolean compiles(AppArmorHost host, String profile) throws Exception {
        CommandOutput output = new ProcessCommandRunner().run(List.of(host.parser().get().toString(), "-Q", "-K"),
                Optional.empty(), profile.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(60));
        return output.exitCode() == 0;
    }
}
