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
import dev.armorbench.testing.Requirements;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
        List<Diagnostic> warned = InstalledParserCheck.checkApparmor4Features(lint(text), feature -> false);
        assertThat(warned).extracting(d -> d.code() + " " + text.substring(d.start(), d.end())).containsExactly(
                "userns-needs-apparmor-4 userns,", "mqueue-needs-apparmor-4 mqueue r type=posix /q,",
                "userns-needs-apparmor-4 audit userns create,", "io_uring-needs-apparmor-4 io_uring sqpoll,");
        assertThat(warned).allSatisfy(d -> assertThat(d.severity()).isEqualTo(Severity.WARNING));
        // A parser that reads some features is warned about the others only, and asked once per feature.
        List<AppArmor4Feature> asked = new ArrayList<>();
        assertThat(InstalledParserCheck.checkApparmor4Features(lint(text), feature -> {
            asked.add(feature);
            return feature != AppArmor4Feature.USERNS_RULE;
        })).extracting(Diagnostic::code).containsOnly("userns-needs-apparmor-4");
        assertThat(asked).containsExactly(AppArmor4Feature.USERNS_RULE, AppArmor4Feature.MQUEUE_RULE,
                AppArmor4Feature.IO_URING_RULE);
        assertThat(InstalledParserCheck.checkApparmor4Features(lint(PROFILE), feature -> {
            throw new AssertionError("the parser was asked about a file that uses nothing of AppArmor 4");
        })).isEmpty();

        int start = text.indexOf("userns,");
        List<QuickFix> fixes = InstalledParserCheck.apparmor4Fixes("userns-needs-apparmor-4", text, start,
                start + "userns,".length());
        assertThat(fixes).extracting(QuickFix::title).containsExactly("Remove it: AppArmor 3 does not mediate user namespaces");
        assertThat(fixes.get(0).apply(text)).isEqualTo(text.replace("  userns,\n", ""));
    }

    @Test
    void prioritiesPromptsTheAllRuleAndAppArmor4FlagsAreWarnedAboutWhereTheyAre() {
        String text = "profile app flags=(attach_disconnected,debug error=EPERM) {\n  priority=5 audit /etc/hosts r,\n"
                + "  prompt owner /home/*/** rw,\n  priority=-1 deny {\n    /etc/shadow r,\n  }\n  ^hat flags=(default_allow) {\n"
                + "  }\n  allow all,\n}\n";
        List<Diagnostic> warned = InstalledParserCheck.checkApparmor4Features(lint(text), feature -> false);

        assertThat(warnedPlaces(text)).containsExactly(
                "flag-needs-apparmor-4 debug", "flag-needs-apparmor-4 error=EPERM", "priority-needs-apparmor-4 priority=5",
                "prompt-needs-apparmor-4 prompt", "priority-needs-apparmor-4 priority=-1",
                "flag-needs-apparmor-4 default_allow", "all-needs-apparmor-4 allow all,");
        assertThat(warned.get(0).message()).isEqualTo("apparmor_parser on this machine (AppArmor 3) does not read the"
                + " profile flag 'debug': it refuses the whole file. It changes nothing that is allowed, so it can go;"
                + " AppArmor 4 reads it");
        assertThat(warned).extracting(d -> InstalledParserCheck.apparmor4FeatureOf(d).orElseThrow()).containsExactly(
                AppArmor4Feature.DEBUG_FLAG, AppArmor4Feature.ERROR_FLAG, AppArmor4Feature.PRIORITY,
                AppArmor4Feature.PROMPT_RULE, AppArmor4Feature.PRIORITY, AppArmor4Feature.DEFAULT_ALLOW_FLAG,
                AppArmor4Feature.ALL_RULE);
    }

    @Test
    void conditionsAssignmentsTheKernelAbiIdentitiesAndPathVariablesAreWarnedAboutWhereTheyAre() {
        String text = "abi <kernel>,\n@{dirs} ?= /srv\n@{dirs} := /opt\n$web = true\n"
                + "profile app /usr/bin/app + identities=(web) {\n  if $web and not $web {\n    @{exec_path} mr,\n  }\n"
                + "  if $web {\n    @{dirs}/** r,\n  }\n}\n";
        assertThat(warnedPlaces(text)).containsExactly(
                "abi-needs-apparmor-4 <kernel>", "assign-if-unset-needs-apparmor-4 ?=", "assign-override-needs-apparmor-4 :=",
                "identities-needs-apparmor-4 + identities=(web)", "condition-needs-apparmor-4 $web and not $web",
                "variable-needs-apparmor-4 @{exec_path}");
        assertThat(onlyFix(text, "<kernel>").apply(text)).startsWith("abi <abi/3.0>,\n");
        String mount = "profile m {\n  mount options in (ro, lazytime) /dev/sdb1 -> /mnt/,\n  mount /lazytime/ -> /mnt/,\n}\n";
        assertThat(warnedPlaces(mount)).containsExactly("mount-option-needs-apparmor-4 lazytime");
        String attached = "profile app /usr/bin/app {\n  @{exec_path} mr,\n  profile helper {\n    @{attach_path} r,\n  }\n}\n";
        assertThat(titleOfFix(attached, "@{exec_path}"))
                .isEqualTo("Write '/usr/bin/app', the profile's attachment, as AppArmor 4 reads @{exec_path}");
        assertThat(fixed(attached, "@{exec_path}")).startsWith("profile app /usr/bin/app {\n  /usr/bin/app mr,\n");
        int inHelper = attached.indexOf("@{attach_path}");
        assertThat(InstalledParserCheck.apparmor4Fixes("variable-needs-apparmor-4", attached, inHelper,
                inHelper + "@{attach_path}".length())).as("a child attached to nothing").isEmpty();
        // A policy that defines @{exec_path} itself is read by AppArmor 3 as it is.
        String defined = "@{exec_path} = /usr/bin/app\nprofile app @{exec_path} {\n  @{exec_path} mr,\n}\n";
        assertThat(InstalledParserCheck.checkApparmor4Features(lint(defined), feature -> false)).isEmpty();
    }

    @Test
    void theFixesKeepWhatTheProfileMeansAndThereIsNoneWhereNothingStandsIn() {
        assertThat(fixed("profile a flags=(debug) {\n}\n", "debug")).isEqualTo("profile a {\n}\n");
        assertThat(fixed("profile a flags=(complain, debug) {\n}\n", "debug")).isEqualTo("profile a flags=(complain) {\n}\n");
        assertThat(fixed("profile a flags=(debug,complain) {\n}\n", "debug")).isEqualTo("profile a flags=(complain) {\n}\n");
        assertThat(fixed("profile a flags = ( audit interruptible complain ) {\n}\n", "interruptible"))
                .isEqualTo("profile a flags = ( audit complain ) {\n}\n");
        assertThat(fixed("profile a flags=(kill.signal=hup) {\n}\n", "kill.signal=hup")).isEqualTo("profile a {\n}\n");
        assertThat(fixed("profile a flags=(attach_disconnected.path=/dis/) {\n}\n", "attach_disconnected.path=/dis/"))
                .isEqualTo("profile a flags=(attach_disconnected) {\n}\n");
        assertThat(fixed("profile a flags=(attach_disconnected attach_disconnected.path=/dis/) {\n}\n",
                "attach_disconnected.path=/dis/")).isEqualTo("profile a flags=(attach_disconnected) {\n}\n");
        assertThat(fixed("profile a {\n  priority=5 audit /x r,\n}\n", "priority=5")).isEqualTo("profile a {\n  audit /x r,\n}\n");
        // The old form without 'flags=', and flags the lexer reads as keywords.
        assertThat(fixed("/usr/bin/a (debug) {\n}\n", "debug")).isEqualTo("/usr/bin/a {\n}\n");
        assertThat(fixed("/usr/bin/a (audit,debug) {\n}\n", "debug")).isEqualTo("/usr/bin/a (audit) {\n}\n");
        assertThat(InstalledParserCheck.checkApparmor4Features(lint("profile a flags=(prompt audit) {\n}\n"), f -> false))
                .extracting(Diagnostic::code).containsExactly("flag-needs-apparmor-4");

        assertThat(titleOfFix("profile a {\n  priority=5 audit /x r,\n}\n", "priority=5"))
                .isEqualTo("Remove 'priority=5': AppArmor 3 has no rule priorities");
        assertThat(titleOfFix("profile a flags=(error=EPERM) {\n}\n", "error=EPERM"))
                .isEqualTo("Remove the flag 'error=EPERM': AppArmor 3 returns EACCES on a denial");
        assertThat(titleOfFix("profile a flags=(attach_disconnected.path=/dis/) {\n}\n", "attach_disconnected.path=/dis/"))
                .isEqualTo("Write 'attach_disconnected' for AppArmor 3 (disconnected paths attach at /)");

        for (String[] noStandIn : new String[][] {{"all-needs-apparmor-4", "profile a {\n  all,\n}\n", "all,"},
                {"prompt-needs-apparmor-4", "profile a {\n  prompt /x r,\n}\n", "prompt"},
                {"flag-needs-apparmor-4", "profile a flags=(default_allow) {\n}\n", "default_allow"},
                {"flag-needs-apparmor-4", "profile a flags=(prompt) {\n}\n", "prompt"}}) {
            int at = noStandIn[1].indexOf(noStandIn[2]);
            assertThat(InstalledParserCheck.apparmor4Fixes(noStandIn[0], noStandIn[1], at, at + noStandIn[2].length()))
                    .as(noStandIn[1]).isEmpty();
        }
    }

    /**
     * "CODE USED-TEXT" for each warning about {@code text} from a parser that reads nothing of
     * AppArmor 4; the text itself must be good AppArmor 4.
     */
    private static List<String> warnedPlaces(String text) {
        assertThat(lint(text).hasErrors()).as(text).isFalse();
        return InstalledParserCheck.checkApparmor4Features(lint(text), feature -> false).stream()
                .map(d -> d.code() + " " + text.substring(d.start(), d.end())).toList();
    }

    /** {@code text} after the one fix for its warning on {@code used}. */
    private static String fixed(String text, String used) {
        return onlyFix(text, used).apply(text);
    }

    private static String titleOfFix(String text, String used) {
        return onlyFix(text, used).title();
    }

    private static QuickFix onlyFix(String text, String used) {
        Diagnostic warning = InstalledParserCheck.checkApparmor4Features(lint(text), feature -> false).stream()
                .filter(d -> text.substring(d.start(), d.end()).equals(used)).findFirst().orElseThrow();
        List<QuickFix> fixes = InstalledParserCheck.apparmor4Fixes(warning.code(), text, warning.start(), warning.end());
        assertThat(fixes).hasSize(1);
        return fixes.get(0);
    }

    @Test
    void theRealAppArmor3ParserReadsWhatTheFixesWrite() throws Exception {
        AppArmorHost host = AppArmorHost.system();
        Requirements.require(host.parser().isPresent(), "apparmor_parser (Debian package apparmor)");
        Requirements.require(!InstalledParser.reads(AppArmor4Feature.PRIORITY, host, new ProcessCommandRunner()),
                "an AppArmor 3 apparmor_parser (Debian 12's package apparmor)");
        String text = "profile app flags=(attach_disconnected.path=/dis/, kill.signal=term, error=EPERM) {\n"
                + "  priority=5 audit /etc/hosts r,\n  userns,\n  ^hat flags=(debug interruptible) {\n    /tmp/x rw,\n  }\n}\n";
        assertThat(compiles(host, text)).isFalse();

        String fixed = text;
        List<Diagnostic> warnings = InstalledParserCheck.checkApparmor4Features(lint(fixed),
                feature -> InstalledParser.reads(feature, host, new ProcessCommandRunner()));
        assertThat(warnings).hasSize(7);
        for (int i = warnings.size() - 1; i >= 0; i--) { // from the end, so earlier offsets stay valid
            Diagnostic warning = warnings.get(i);
            fixed = InstalledParserCheck.apparmor4Fixes(warning.code(), fixed, warning.start(), warning.end()).get(0)
                    .apply(fixed);
        }
        assertThat(fixed).isEqualTo("profile app flags=(attach_disconnected) {\n  audit /etc/hosts r,\n  ^hat {\n"
                + "    /tmp/x rw,\n  }\n}\n");
        assertThat(compiles(host, fixed)).as(fixed).isTrue();
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
