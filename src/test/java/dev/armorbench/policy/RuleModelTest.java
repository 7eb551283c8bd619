package dev.armorbench.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.policy.check.LintResult;
import dev.armorbench.policy.check.PolicyReader;
import dev.armorbench.policy.check.PolicySources;
import dev.armorbench.policy.check.Severity;
import dev.armorbench.policy.check.SourceFile;
import dev.armorbench.policy.model.AllRule;
import dev.armorbench.policy.model.CapabilityRule;
import dev.armorbench.policy.model.ChangeProfileRule;
import dev.armorbench.policy.model.DbusRule;
import dev.armorbench.policy.model.FileRule;
import dev.armorbench.policy.model.IoUringRule;
import dev.armorbench.policy.model.LinkRule;
import dev.armorbench.policy.model.MountRule;
import dev.armorbench.policy.model.MqueueRule;
import dev.armorbench.policy.model.NetworkRule;
import dev.armorbench.policy.model.PivotRootRule;
import dev.armorbench.policy.model.Profile;
import dev.armorbench.policy.model.PtraceRule;
import dev.armorbench.policy.model.RemountRule;
import dev.armorbench.policy.model.RlimitRule;
import dev.armorbench.policy.model.Rule;
import dev.armorbench.policy.model.SignalRule;
import dev.armorbench.policy.model.UmountRule;
import dev.armorbench.policy.model.UnixRule;
import dev.armorbench.policy.model.UsernsRule;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleModelTest {
    private static LintResult lint(String text) {
        return PolicyReader.lint(new SourceFile(Path.of("test.profile"), text),
                new PolicySources(List.of(Path.of("/nonexistent")), Path.of("/nonexistent")));
    }

    private static List<Rule> rules(String body) {
        LintResult result = lint("profile t {\n" + body + "\n}\n");
        assertThat(result.diagnostics()).as("diagnostics of %s", body).isEmpty();
        return result.policy().profiles().get(0).rules();
    }

    private static Rule rule(String text) {
        List<Rule> rules = rules(text);
        assertThat(rules).hasSize(1);
        return rules.get(0);
    }

    @Test
    void everyKindReadsIntoItsOwnRecordAndPrintsCanonically() {
        assertThat(rule("owner file /tmp/x   wr,")).isInstanceOf(FileRule.class)
                .extracting(Rule::canonical).isEqualTo("owner /tmp/x rw,");
        assertThat(rule("rw /tmp/y,").canonical()).isEqualTo("/tmp/y rw,");
        assertThat(rule("/usr/bin/a Px -> b,").canonical()).isEqualTo("/usr/bin/a Px -> b,");
        assertThat(rule("file,").canonical()).isEqualTo("file,");
        assertThat(rule("link subset /a -> /b,")).isInstanceOf(LinkRule.class).extracting(Rule::canonical)
                .isEqualTo("link subset /a -> /b,");
        assertThat(rule("capability setuid chown,")).isInstanceOf(CapabilityRule.class).extracting(Rule::canonical)
                .isEqualTo("capability chown setuid,");
        assertThat(rule("network inet stream,")).isInstanceOf(NetworkRule.class).extracting(Rule::canonical)
                .isEqualTo("network inet stream,");
        assertThat(rule("network (send receive) inet peer=(ip=10.0.0.1 port=80),").canonical())
                .isEqualTo("network (receive send) inet peer=(ip=10.0.0.1 port=80),");
        assertThat(rule("unix (connect send) type=stream peer=(label=foo),")).isInstanceOf(UnixRule.class);
        assertThat(rule("signal send set=(hup, kill) peer=foo,")).isInstanceOf(SignalRule.class);
        assertThat(rule("ptrace tracedby peer=foo,")).isInstanceOf(PtraceRule.class);
        assertThat(rule("dbus send bus=session path=/org/a member=Get,")).isInstanceOf(DbusRule.class)
                .extracting(Rule::canonical).isEqualTo("dbus send bus=session member=Get path=/org/a,");
        assertThat(rule("mount fstype=ext4 options=(ro, nodev) /dev/sda1 -> /mnt/,")).isInstanceOf(MountRule.class);
        assertThat(rule("remount /mnt/,")).isInstanceOf(RemountRule.class);
        assertThat(rule("umount /mnt/,")).isInstanceOf(UmountRule.class);
        assertThat(rule("pivot_root oldroot=/old/ /new/ -> child,")).isInstanceOf(PivotRootRule.class)
                .extracting(Rule::canonical).isEqualTo("pivot_root oldroot=/old/ /new/ -> child,");
        assertThat(rule("change_profile safe /bin/a -> b,")).isInstanceOf(ChangeProfileRule.class);
        assertThat(rule("set rlimit nofile <= 1024,")).isInstanceOf(RlimitRule.class).extracting(Rule::canonical)
                .isEqualTo("set rlimit nofile <= 1024,");
        assertThat(rule("userns create,")).isInstanceOf(UsernsRule.class);
        assertThat(rule("io_uring sqpoll,")).isInstanceOf(IoUringRule.class);
        assertThat(rule("mqueue (open read) type=posix /q,")).isInstanceOf(MqueueRule.class);
        assertThat(rule("all,")).isInstanceOf(AllRule.class);
        assertThat(rule("priority=5 audit deny /etc/shadow r,").canonical()).isEqualTo("priority=5 audit deny /etc/shadow r,");
    }

    @Test
    void qualifierBlocksApplyToTheirRules() {
        List<Rule> rules = rules("audit deny {\n  /a r,\n  owner /b w,\n}");
        assertThat(rules).extracting(Rule::canonical).containsExactly("audit deny /a r,", "audit deny owner /b w,");
    }

    @Test
    void coversComparesPermissionsPathsAndQualifiers() {
        List<Rule> rules = rules("/a rw,\n/a r,\nowner /a r,\ncapability,\ncapability chown,\nnetwork,\nnetwork inet stream,\n"
                + "deny /a r,\n/** r,");
        Rule aRw = rules.get(0);
        Rule aR = rules.get(1);
        Rule ownerAR = rules.get(2);
        assertThat(aRw.covers(aR)).isTrue();
        assertThat(aR.covers(aRw)).isFalse();
        assertThat(aR.covers(ownerAR)).isTrue();
        assertThat(ownerAR.covers(aR)).isFalse();
        assertThat(rules.get(3).covers(rules.get(4))).isTrue();
        assertThat(rules.get(4).covers(rules.get(3))).isFalse();
        assertThat(rules.get(5).covers(rules.get(6))).isTrue();
        assertThat(rules.get(7).covers(aR)).isFalse();
        assertThat(rules.get(8).covers(aR)).isTrue();
        assertThat(aR.covers(rules.get(4))).isFalse();
    }

    @Test
    void pathCoverageIsGlobInclusion() {
        List<Rule> rules = rules("/etc/** r,\n/etc/foo/*.conf r,\n/etc/*.conf r,\n/etc/a/b.conf r,\n"
                + "\"/srv/my app/{a,b}\" r,\n/srv/my?app/a r,\nlink /tmp/* -> /etc/**,\nlink /tmp/x -> /etc/y,");
        Rule etcAll = rules.get(0);
        Rule fooConf = rules.get(1);
        Rule etcConf = rules.get(2);
        Rule nested = rules.get(3);
        assertThat(etcAll.covers(fooConf)).isTrue();
        assertThat(fooConf.covers(etcAll)).isFalse();
        assertThat(etcConf.covers(nested)).isFalse();
        assertThat(etcAll.covers(nested)).isTrue();
        assertThat(rules.get(5).covers(rules.get(4))).as("? does not cover the alternation's a or b only")
                .isFalse();
        assertThat(rules.get(4).covers(rules.get(5))).isFalse();
        assertThat(rules.get(6).covers(rules.get(7))).isTrue();
        assertThat(rules.get(7).covers(rules.get(6))).isFalse();
    }

    @Test
    void profilesHatsAndChildrenAreModelled() {
        LintResult result = lint("@{NAME} = app\nprofile @{NAME} /usr/bin/app flags=(complain) {\n  /a r,\n  ^hat {\n    /b r,\n  }\n"
                + "  profile child {\n    /c r,\n  }\n}\n");
        assertThat(result.diagnostics()).isEmpty();
        Profile profile = result.policy().profiles().get(0);
        assertThat(profile.name()).isEqualTo("app");
        assertThat(profile.attachment()).isEqualTo("/usr/bin/app");
        assertThat(profile.flags()).containsExactly("complain");
        assertThat(profile.children()).extracting(Profile::name).containsExactly("hat", "child");
        assertThat(profile.children().get(0).hat()).isTrue();
    }

    @Test
    void errorsTheReferenceRejectsAreReportedWithCodeAndRange() {
        assertThat(codes("/a x,")).containsExactly("bare-x");
        assertThat(codes("deny /a x,")).isEmpty();
        assertThat(codes("/a ix,\n/a px,")).containsExactly("conflicting-exec-modes");
        assertThat(codes("/a wa,")).containsExactly("write-and-append");
        assertThat(codes("capability sys_fly,")).containsExactly("unknown-capability");
        assertThat(codes("set rlimit nofile <= lots,")).containsExactly("bad-rlimit-value");
        assertThat(codes("@{UNDEFINED}/a r,")).containsExactly("undefined-variable");
        assertThat(codes("owner capability,")).containsExactly("owner-not-allowed");
        assertThat(codes("/a r")).containsExactly("missing-comma");
        assertThat(codes("network inet port=99999,")).containsExactly("bad-port");
        // apparmor_parser loads a bare word as a (relative) path that matches nothing: a warning, not an error.
        assertThat(codes("deleted r,")).containsExactly("relative-path-matches-nothing");
        assertThat(codes("r deleted,")).containsExactly("relative-path-matches-nothing");
        assertThat(codes("rw r,")).containsExactly("bad-permissions");
        assertThat(codes("\"deleted\" r,")).containsExactly("relative-path");
        // Upstream's mount/bad_opt_25: bare options are one option name; fstype lists are fine bare.
        assertThat(codes("mount options=ro,noexec /dev -> /mnt,")).containsExactly("mount-options-list");
        assertThat(codes("mount options=(ro,noexec) fstype=ext3,ext4 /dev -> /mnt,")).isEmpty();
        // af_unix.cc: an address is abstract, none or auto, local or peer (checked before variables expand).
        assertThat(codes("unix addr=/tmp/socket,")).containsExactly("bad-unix-address");
        assertThat(codes("unix (send) peer=(addr=none-such),")).containsExactly("bad-unix-address");
        assertThat(codes("unix addr=\"@a b\",\nunix addr=none,\nunix addr=auto,\nunix (send) peer=(addr=@x),")).isEmpty();
    }

    @Test
    void namesAndChangeProfileTargetsAreGlobsToo() {
        // apparmor_parser compiles profile, child and hat names, attachments and change_profile's
        // exec and target as globs: "Regex grouping error" for each of these.
        assertThat(errorCodes("profile fo]o { }")).containsExactly("bad-glob");
        assertThat(errorCodes("profile foo /usr/b]in { }")).containsExactly("bad-glob");
        assertThat(errorCodes("profile \"fo{o\" { }")).containsExactly("bad-glob");
        assertThat(errorCodes("profile x { ^ha]t { } }")).containsExactly("bad-glob");
        assertThat(errorCodes("profile x { profile ch]ild { } }")).containsExactly("bad-glob");
        assertThat(codes("change_profile -> a]b,")).containsExactly("bad-glob");
        assertThat(codes("change_profile /b]in,")).containsExactly("bad-glob");
        assertThat(errorCodes("profile fo{a,b}o /usr/bin/{a,b} { change_profile /bin/[ab] -> {c,d}, }")).isEmpty();
        // An undefined variable in a name is reported once, not again by the glob check.
        assertThat(errorCodes("profile @{nope}{a,b} { }")).containsExactly("undefined-variable");
        assertThat(codes("/a/[bc r,")).containsExactly("bad-glob");
        // '[]' closes at once for the reference's grouping check, and its regex compiler then needs another ']'.
        assertThat(codes("/a/[] r,")).containsExactly("bad-glob");
        assertThat(codes("/a/[]b] r,")).containsExactly("bad-glob");
        assertThat(codes("/a/[]x/[ab] r,")).isEmpty();
        // '@{' that names no variable is an alternation to the reference, and a broken one here.
        assertThat(codes("/a/@{=ORGS}/b r,")).containsExactly("bad-glob");
        assertThat(errorCodes("@{A_b1}=a\nprofile t { /a/@{A_b1}/b r, }")).isEmpty();
        assertThat(codes("/a/\\[bc r,")).isEmpty();
        // Both sides of 'link' are globs; in the 'PATH l -> TARGET' form apparmor_parser compiles only the path.
        assertThat(codes("link /a -> /b]c,")).containsExactly("bad-glob");
        assertThat(codes("link /a]b -> /c,")).containsExactly("bad-glob");
        assertThat(codes("/a l -> /b]c,")).isEmpty();
        // The mount family's paths are globs too.
        assertThat(codes("mount /{foobar},")).containsExactly("bad-glob");
        assertThat(codes("mount -> /c]d,")).containsExactly("bad-glob");
        assertThat(codes("umount /a]b,")).containsExactly("bad-glob");
        assertThat(codes("pivot_root oldroot=/a]b /c,")).containsExactly("bad-glob");
        assertThat(codes("mount /{a,b} -> /{c,d},")).isEmpty();
        // A character class's members as the reference's regex compiler reads them: '-' only first or between two.
        assertThat(codes("/a/[a-] r,")).containsExactly("bad-glob");
        assertThat(codes("/a/[a-c-e] r,")).containsExactly("bad-glob");
        assertThat(codes("change_profile -> /a[0--f],")).containsExactly("bad-glob");
        assertThat(codes("/a/[-a] r,\n/a/[z-a] r,\n/a/[^-x] r,")).isEmpty();
        // 'safe' and 'unsafe' take the path first too; they need an exec mode either way.
        assertThat(codes("safe /bin/false rix,\nunsafe /bin/true px,\nsafe rix /bin/cat,")).isEmpty();
        assertThat(codes("safe /bin/false r,")).containsExactly("safety-without-exec");
        // "Exec condition must begin with '/'", judged as written: a variable may hold anything.
        assertThat(codes("change_profile :foo:/bin/foo,")).containsExactly("change-profile-exec");
        assertThat(errorCodes("@{v}=a\nprofile t { change_profile @{v}, change_profile unsafe /a -> b, }")).isEmpty();
    }

    @Test
    void aVariableThatRefersToItselfIsAnErrorWhereItIsUsed() {
        // apparmor_parser loads the definition alone and refuses a rule that uses it.
        assertThat(lint("@{A}=@{A}/x\nprofile t {\n  /x r,\n}\n").diagnostics())
                .extracting(d -> d.severity() + " " + d.code()).containsExactly("WARNING recursive-variable");
        assertThat(errorCodes("@{A}=@{A}/x\nprofile t {\n  @{A} r,\n}")).containsExactly("recursive-variable");
        // Also when the values before it already make more alternatives than are enumerated.
        String many = String.join(" ", java.util.Collections.nCopies(80, "x")).replace("x x", "x y");
        assertThat(errorCodes("@{B}=" + many + "\n@{A}=@{B} @{A}/x\nprofile t {\n  @{A} r,\n}")).containsExactly("recursive-variable");
    }

    @Test
    void aQuoteThatNeverClosesIsReportedWhereItOpens() {
        // In a variable's value it took the profiles into one string and nothing was reported.
        LintResult result = lint("@{X}=\"/srv/data\nprofile t {\n  /x r,\n}\n");
        assertThat(result.diagnostics()).extracting(d -> d.code() + " " + d.start()).containsExactly("unclosed-quote 5");
        // Not also "refers to itself", which the runaway value does once it takes in a use of the variable.
        assertThat(lint("@{X}=\"/srv/data\nprofile t {\n  @{X}/** r,\n}\n").diagnostics())
                .extracting(d -> d.code()).containsExactly("unclosed-quote");
        assertThat(errorCodes("profile t {\n  \"/x r,\n}")).contains("unclosed-quote");
        assertThat(errorCodes("profile t {\n  \"/x\\\" r,\n}")).contains("unclosed-quote");
        // A quoted value may span lines.
        assertThat(errorCodes("@{X}=\"/a\nb\"\nprofile t {\n  \"/x\ny\" r,\n}")).isEmpty();
    }

    @Test
    void anArrowGluedToAWordIsPartOfItInMountAndChangeProfileRules() {
        // apparmor_parser's words may hold '-' and '>': there '->/b' is one word, elsewhere an arrow and a path.
        assertThat(codes("change_profile /a ->/b,")).containsExactly("arrow-without-space");
        assertThat(codes("change_profile ->/b,")).containsExactly("arrow-without-space");
        assertThat(codes("change_profile->/b,")).containsExactly("arrow-without-space");
        assertThat(codes("mount options=(ro) /a ->/b,")).containsExactly("arrow-without-space");
        // Accepted by the reference, but not what was meant.
        assertThat(lint("profile t {\n  mount ->/b,\n  umount ->/b,\n}\n").diagnostics())
                .extracting(d -> d.severity() + " " + d.code())
                .containsExactly("WARNING arrow-without-space", "WARNING arrow-in-mount-point");
        // A quote, a space or another rule kind keeps the arrow.
        assertThat(codes("change_profile /a ->\"/b\",\nchange_profile /a -> /b,\nmount /a -> /b,\n/a px ->/b,\n"
                + "link /a ->/b,\npivot_root /a ->b,")).isEmpty();
        // In the values of peer conditions '->x' is a label.
        assertThat(codes("signal peer=->x,\nptrace read peer=->x,\nunix peer=(label=->x),\ndbus send peer=(label=->x),")).isEmpty();
    }

    @Test
    void aBranchNotTakenIsStillReadForErrors() {
        // apparmor_parser's grammar reads every branch; only the taken one becomes policy.
        String preamble = "$FOO=true\n";
        assertThat(errorCodes(preamble + "profile x { if $FOO { /a r, } else { /b r, ux } }")).containsExactly("missing-comma");
        assertThat(errorCodes(preamble + "profile x { if not $FOO { /a r, ux } else { /b r, } }")).containsExactly("missing-comma");
        assertThat(errorCodes(preamble + "profile x { if $FOO { /a r, } else if $NOPE { /b r, } }")).containsExactly("condition-syntax");
        // What the reference finds only in the policy it keeps (variables, globs, merged exec modes) is not checked there.
        assertThat(errorCodes(preamble + "profile x { if $FOO { /a r, } else { /b{c r, /c/@{nope} r, /d ix, /d px, } }"))
                .isEmpty();
        LintResult result = lint(preamble + "profile x { if $FOO { /a ix, } else { /a px, /b r, } }\n");
        assertThat(result.diagnostics()).noneMatch(d -> d.severity() == Severity.ERROR);
        assertThat(result.policy().profiles().get(0).rules()).hasSize(1);
    }

    private static List<String> errorCodes(String text) {
        return lint(text + "\n").diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).map(d -> d.code()).toList();
    }

    @Test
    void aTargetWithoutAnExecModeIsAWarning() {
        // apparmor_parser loads these and drops the target.
        assertThat(lint("profile t {\n  /a r -> b,\n  deny rw /c -> /d,\n  w /e -> f,\n}\n").diagnostics())
                .extracting(d -> d.severity() + " " + d.code() + " " + d.start())
                .containsExactly("WARNING target-without-transition 19", "WARNING target-without-transition 38",
                        "WARNING target-without-transition 52");
        assertThat(codes("/a ix -> b,\n/c l -> /d,")).isEmpty();
        // Glued to the arrow, permissions are a name to the reference: an error, whatever the mode.
        assertThat(codes("/a px->b,\n/c r->/d,")).containsExactly("permissions-glued-to-arrow",
                "permissions-glued-to-arrow");
    }

    @Test
    void aWordIsAModeOnlyWhenAllOfItIsOne() {
        // The reference's lexer takes the longest match: 'kill' is an identifier (a relative path), not 'k' and more.
        assertThat(lint("profile t {\n  kill r,\n}\n").diagnostics()).extracting(d -> d.severity() + " " + d.code())
                .containsExactly("WARNING relative-path-matches-nothing");
        assertThat(lint("profile t {\n  rwi /a,\n}\n").diagnostics()).extracting(d -> d.code() + " " + d.message())
                .containsExactly("bad-permissions 'rwi' is not a permission string: use r w a l k m and one exec mode"
                        + " (ix px cx ux pix …)");
    }

    @Test
    void mountRulesTakeConditionsFirstAndOneWordAfterTheArrow() {
        assertThat(codes("mount /a options=(ro) -> /b,")).containsExactly("condition-after-path");
        assertThat(codes("umount /a fstype=ext4,")).containsExactly("condition-after-path");
        assertThat(codes("mount -> /b options=(ro),")).containsExactly("mount-point-condition");
        assertThat(codes("mount options=(ro) /a -> options=(ro)/b,")).containsExactly("mount-point-condition");
        assertThat(codes("mount options=(ro) -> /b /c,")).containsExactly("unexpected-token");
        assertThat(codes("mount fstype in () -> /b,")).containsExactly("missing-value");
        assertThat(codes("mount options=(ro) fstype=ext4 /a -> /b,\nremount options=(ro) /a,")).isEmpty();
    }

    @Test
    void aLinkNamesAPathNotAKeywordOrAMode() {
        assertThat(codes("link owner -> /b,\nlink k -> /b,\nlink change_profile -> /b,")).containsExactly(
                "link-syntax", "link-syntax", "link-syntax");
        assertThat(codes("link \"k\" -> /b,")).containsExactly("relative-path");
        assertThat(codes("link kill -> /b,\nlink \"/a b\" -> /b,")).isEmpty();
    }

    @Test
    void aCommentInsideARuleReadInALexerModeIsAnError() {
        // The reference reads comments only between rules and in file-like rules: a commented-out
        // line of a multi-line dbus rule is part of the rule to it.
        assertThat(lint("profile t {\n  dbus send\n    # bus=session\n    member=Foo,\n}\n").diagnostics())
                .extracting(d -> d.code() + " " + d.start()).containsExactly("comment-in-rule 28");
        assertThat(codes("set rlimit nofile # x\n<= 10,")).containsExactly("comment-in-rule");
        assertThat(codes("set # x\nrlimit nofile <= 10,")).isEmpty(); // 'set' itself is read between rules
        // Between '->' and its target no rule takes one.
        assertThat(codes("/a px -> # c\n  b,\nlink /c ->\n  # c\n  /d,")).containsExactly("comment-in-rule",
                "comment-in-rule");
        // After the comma, and in file and capability rules, a comment is a comment.
        assertThat(codes("dbus send, # x\n/a # x\n r,\ncapability # x\n chown,")).isEmpty();
    }

    @Test
    void aProfilesNameFollowsItsKeywordOnTheSameLine() {
        assertThat(errorCodes("profile\n  t {\n}")).containsExactly("name-apart-from-keyword");
        assertThat(errorCodes("profile t {\n  ^ h {\n  }\n  hat\n  g {\n  }\n}")).containsExactly(
                "name-apart-from-keyword", "name-apart-from-keyword");
        assertThat(errorCodes("profile   t\n{\n  ^h {\n  }\n}")).isEmpty();
    }

    @Test
    void aConditionsNameOperatorAndValueStandTogether() {
        assertThat(codes("mount options\n  in (ro) -> /b,\nmount options in\n  (ro) -> /b,\ndbus bus=\n  session,"))
                .containsExactly("condition-across-lines", "condition-across-lines", "condition-across-lines");
        // Only a '(' list may start on the next line.
        assertThat(codes("mount options=\n  (ro) -> /b,\nsignal set=\n  (hup),\ndbus send bus=session\n  path=/a,"))
                .isEmpty();
    }

    @Test
    void aWordGluedToTheCommaOfACrlfLineSwallowsItInModeRules() {
        // The reference's words in these rules take in ",\r": the rule does not end there.
        assertThat(errorCodes("profile t {\r\n  signal send,\r\n  umount /a,\r\n}\r")).containsExactly(
                "crlf-after-word", "crlf-after-word");
        // A blank before the comma, a value after '=', a list, and file rules are safe.
        assertThat(errorCodes("profile t {\r\n  signal send ,\r\n  signal peer=foo,\r\n  dbus (send),\r\n"
                + "  /a r,\r\n  signal send,\n}")).isEmpty();
        // The editor's text has LF line ends and says the file is saved with CRLF ones.
        String editorText = "profile t {\n  signal send,\n  signal send ,\n}\n";
        PolicySources none = new PolicySources(List.of(Path.of("/nonexistent")), Path.of("/nonexistent"));
        assertThat(PolicyReader.lint(new SourceFile(Path.of("t"), editorText, true), none).diagnostics())
                .extracting(d -> d.code() + " " + d.line()).containsExactly("crlf-after-word 2");
        assertThat(PolicyReader.lint(new SourceFile(Path.of("t"), editorText, false), none).diagnostics()).isEmpty();
    }

    @Test
    void anAssignmentMayPutItsEqualsSignOnALaterLine() {
        assertThat(errorCodes("@{FOO}\n  # the files\n    = /foo /bar\nprofile t {\n  @{FOO} r,\n}")).isEmpty();
        assertThat(lint("@{FOO}\n    = /foo /bar\n").policy().variables()).containsEntry("FOO", List.of("/foo", "/bar"));
    }

    @Test
    void aProfileWithoutKeywordIsNamedByAPathAsWritten() {
        assertThat(errorCodes("@{FOO}=/a\n@{FOO}/b {\n}\n")).containsExactly("profile-name");
        assertThat(errorCodes("@{FOO}=/a\nprofile @{FOO}/b {\n}\n")).isEmpty();
    }

    @Test
    void oneAccessItemAndOneWordBeforeTheLimit() {
        assertThat(codes("unix (send) (receive),\nsignal send (receive),\nptrace (read) peer=x (trace),"))
                .containsExactly("permission-list", "permission-list", "permission-list");
        assertThat(codes("set rlimit nofile exec <= 10,")).containsExactly("rlimit-syntax");
        assertThat(codes("signal (send receive) set=hup,\nunix send,\nset rlimit nofile <= 10,")).isEmpty();
    }

    @Test
    void wordsOfTheReferencesKeywordTableAreNoPaths() {
        assertThat(codes("send r,\npeer w,")).containsExactly("keyword-as-path", "keyword-as-path");
        assertThat(codes("create r,")).containsExactly("relative-path-matches-nothing");
        // A word of letters ends at a glued '/': 'foo/bar' is two words, 'link sub/a -> /b' a link with a stray word.
        assertThat(codes("foo/bar r,\nlink sub/a -> /b,")).containsExactly("relative-path", "link-syntax");
    }

    @Test
    void aValueMayStartWithACaretAndIfMayBeGluedToItsBoolean() {
        assertThat(codes("dbus send bus=session peer=(label=^splat),\nsignal peer=^hat,")).isEmpty();
        assertThat(errorCodes("${B}=true\nprofile t {\n  if${B} {\n    /a r,\n  } else if${B} {\n  }\n}")).isEmpty();
    }

    @Test
    void deprecatedFormsAreWarnings() {
        LintResult result = lint("#include <nothing/here>\n");
        assertThat(result.diagnostics()).extracting(d -> d.severity() + " " + d.code())
                .contains("WARNING deprecated-hash-include", "ERROR include-not-found");
    }

    private static List<String> codes(String body) {
        return lint("profile t {\n" + body + "\n}\n").diagnostics().stream().map(d -> d.code()).toList();
    }
}
