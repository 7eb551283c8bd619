package dev.armorbench.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.container.TreeNode.Kind;
import dev.armorbench.container.TreeNode.Marker;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransitionTreeTest {
    @TempDir
    Path dir;

    private ContainerFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ContainerFixture(dir);
    }

    private static TreeNode child(TreeNode node, String label) {
        return node.children().stream().filter(c -> c.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no '" + label + "' under '" + node.label() + "': "
                        + node.children().stream().map(TreeNode::label).toList()));
    }

    private static String text(ContainerAnalysis analysis, TreeNode node) {
        return analysis.policy().text().substring(node.range().start(), node.range().end());
    }

    @Test
    void theSampleShowsProfilesChildrenTransitionsAndEntries() {
        ContainerAnalysis analysis = fixture.analyze(ContainerFixture.sample());
        TreeNode root = analysis.tree().root();
        assertThat(root.children()).extracting(TreeNode::label)
                .containsExactly("container-with-children", "container start", "docker exec");
        TreeNode container = root.children().get(0);
        assertThat(container.mode()).isEqualTo(ProfileMode.ENFORCE);
        assertThat(container.children()).extracting(TreeNode::label).containsExactly(
                "ix: stays in container-with-children",
                "cx → container-with-children//app-server",
                "cx → container-with-children//log-shipper",
                "app-server",
                "log-shipper /usr/local/bin/log-shipper");
        TreeNode inherit = container.children().get(0);
        assertThat(inherit.children()).extracting(TreeNode::label).containsExactly("/bin/sh ix,", "/bin/busybox ix,");
        TreeNode cx = container.children().get(1);
        assertThat(cx.profile()).isEqualTo("container-with-children//app-server");
        assertThat(text(analysis, cx.children().get(0))).isEqualTo("/usr/local/bin/app-server cxr -> app-server,");
        TreeNode logShipper = container.children().get(4);
        assertThat(logShipper.kind()).isEqualTo(Kind.CHILD);
        assertThat(logShipper.diagnostics()).extracting(ContainerDiagnostic::code)
                .containsExactly("container-child-attachment-exec");
        TreeNode exec = root.children().get(2);
        assertThat(exec.children()).extracting(TreeNode::label).containsExactly(
                "docker exec: * → container-with-children",
                "docker exec: /usr/local/bin/log-shipper → container-with-children");
    }

    @Test
    void nestedChildrenAndHatsWithModes() {
        String text = """
                profile c flags=(complain,attach_disconnected,mediate_deleted) {
                  /usr/bin/a cx -> a,
                  profile a flags=(attach_disconnected,mediate_deleted) {
                    ^sub flags=(kill,attach_disconnected,mediate_deleted) {
                    }
                  }
                  hat h flags=(unconfined,attach_disconnected,mediate_deleted) {
                  }
                }
                """;
        ContainerAnalysis analysis = fixture.analyze(text);
        TreeNode c = analysis.tree().root().children().get(0);
        TreeNode a = child(c, "a");
        assertThat(a.kind()).isEqualTo(Kind.CHILD);
        // No mode flag: enforced, although the parent is in complain mode.
        assertThat(a.mode()).isEqualTo(ProfileMode.ENFORCE);
        assertThat(a.has(Marker.MODE_DIFFERS_FROM_PARENT)).isTrue();
        assertThat(c.mode()).isEqualTo(ProfileMode.COMPLAIN);
        TreeNode sub = child(a, "^sub");
        assertThat(sub.kind()).isEqualTo(Kind.HAT);
        assertThat(sub.mode()).isEqualTo(ProfileMode.KILL);
        assertThat(sub.profile()).isEqualTo("c//a//sub");
        TreeNode hat = child(c, "^h");
        assertThat(hat.mode()).isEqualTo(ProfileMode.UNCONFINED);
        assertThat(hat.has(Marker.UNCONFINED)).isTrue();
        assertThat(text(analysis, sub)).startsWith("^sub flags=(kill");
        assertThat(analysis.policy().reachableFrom(analysis.policy().containerProfile()))
                .extracting(PolicyProfile::fullName).containsExactlyInAnyOrder("c", "c//a", "c//a//sub", "c//h");
    }

    @Test
    void unresolvedAndUnconfinedTargetsStandOut() {
        String text = """
                profile c flags=(attach_disconnected,mediate_deleted) {
                  /usr/bin/a cx -> missing,
                  /usr/bin/b Px -> nowhere,
                  /usr/bin/d Pix -> nowhere2,
                  /usr/bin/e Ux,
                }
                """;
        ContainerAnalysis analysis = fixture.analyze(text);
        TreeNode c = analysis.tree().root().children().get(0);
        assertThat(child(c, "cx → c//missing (unresolved)").has(Marker.UNRESOLVED)).isTrue();
        assertThat(child(c, "px → nowhere (unresolved)").has(Marker.UNRESOLVED)).isTrue();
        TreeNode unconfined = child(c, "ux: unconfined");
        assertThat(unconfined.has(Marker.UNCONFINED)).isTrue();
        assertThat(unconfined.children().get(0).has(Marker.UNCONFINED)).isTrue();
        ContainerPolicy policy = analysis.policy();
        assertThat(policy.exec(policy.containerProfile(), "/usr/bin/b").result()).isEqualTo(ExecOutcome.Result.UNRESOLVED);
        // Pix falls back to inherit when the target does not exist.
        assertThat(policy.exec(policy.containerProfile(), "/usr/bin/d").landsInName()).isEqualTo("c");
        assertThat(policy.exec(policy.containerProfile(), "/usr/bin/e").result()).isEqualTo(ExecOutcome.Result.UNCONFINED);
    }

    @Test
    void cyclesAreShownOnceAndMarked() {
        String text = """
                profile c flags=(attach_disconnected,mediate_deleted) {
                  /usr/bin/b px -> b,
                }
                profile b flags=(attach_disconnected,mediate_deleted) {
                  /usr/bin/d px -> d,
                }
                profile d flags=(attach_disconnected,mediate_deleted) {
                  /usr/bin/b px -> b,
                }
                """;
        ContainerAnalysis analysis = fixture.analyze(text);
        assertThat(analysis.policy().containerProfile().name()).isEqualTo("c");
        TreeNode c = analysis.tree().root().children().get(0);
        TreeNode toB = child(c, "px → b");
        TreeNode toD = child(toB, "px → d");
        TreeNode back = child(toD, "px → b (cycle)");
        assertThat(back.has(Marker.CYCLE)).isTrue();
        assertThat(back.has(Marker.LINKED)).isTrue();
        // The cycle is not expanded again: only its rule is shown.
        assertThat(back.children()).extracting(TreeNode::kind).containsOnly(Kind.RULE);
        List<TreeNode> cycles = analysis.tree().root().flatten().stream().filter(n -> n.has(Marker.CYCLE)).toList();
        assertThat(cycles).allSatisfy(n -> assertThat(n.children()).allMatch(k -> k.kind() == Kind.RULE));
    }

    @Test
    void pxTargetsAreFoundOnTheIncludePath() throws IOException {
        fixture.write("usr.bin.helper", "profile helper /usr/bin/helper {\n  /usr/bin/helper2 px,\n}\n");
        fixture.write("usr.bin.helper2", "profile helper2 /usr/bin/helper2 flags=(complain) {\n}\n");
        String text = "profile c flags=(attach_disconnected,mediate_deleted) {\n  /usr/bin/helper Px -> helper,\n}\n";
        ContainerAnalysis analysis = fixture.analyze(text);
        TreeNode root = analysis.tree().root();
        TreeNode px = child(root.children().get(0), "px → helper");
        assertThat(px.has(Marker.UNRESOLVED)).isFalse();
        assertThat(child(px, "px → helper2").mode()).isEqualTo(ProfileMode.COMPLAIN);
        assertThat(analysis.policy().externalProfiles()).extracting(PolicyProfile::name).containsExactly("helper", "helper2");
        assertThat(root.children()).anySatisfy(n -> {
            assertThat(n.label()).startsWith("helper /usr/bin/helper (");
            assertThat(n.has(Marker.EXTERNAL)).isTrue();
            assertThat(n.range()).isNull();
        });
        // Profiles outside the open text get no diagnostics (they cannot be fixed here).
        assertThat(analysis.diagnostics()).allSatisfy(d -> assertThat(d.diagnostic().source()).isSameAs(analysis.policy().lint().source()));
    }

    @Test
    void theCaretSelectsTheDeepestNodeAndDiagnosticsHangOnTheirNodes() {
        String text = """
                profile c /usr/bin/c flags=(attach_disconnected,mediate_deleted) {
                  /usr/bin/a cx -> a,
                  profile a {
                    /etc/a r,
                  }
                }
                """;
        ContainerAnalysis analysis = fixture.analyze(text);
        TransitionTree tree = analysis.tree();
        int ruleOffset = text.indexOf("/usr/bin/a cx");
        TreeNode rule = tree.nodeAt(ruleOffset + 3);
        assertThat(rule.kind()).isEqualTo(Kind.RULE);
        assertThat(rule.has(Marker.LINKED)).isFalse();
        TreeNode a = tree.nodeAt(text.indexOf("profile a") + 2);
        assertThat(a.label()).isEqualTo("a");
        assertThat(a.diagnostics()).extracting(ContainerDiagnostic::code).containsExactly("container-disconnected-flags");
        TreeNode c = tree.nodeAt(text.indexOf("/usr/bin/c"));
        assertThat(c.label()).isEqualTo("c /usr/bin/c");
        assertThat(c.diagnostics()).extracting(ContainerDiagnostic::code).contains("container-attachment");
        // Inside a profile's body, between rules, the profile itself is selected.
        assertThat(tree.nodeAt(text.indexOf("/etc/a r")).label()).isEqualTo("a");
        assertThat(tree.nodeAt(text.length())).isNull();
    }

    @Test
    void execRulesFromAnIncludePointAtTheIncludeAndDoNotTakeTheProfilesDiagnostics() throws IOException {
        fixture.write("abstractions/tools", "/usr/bin/tool ix,\n");
        String text = """
                profile c {
                  include <abstractions/tools>
                  /bin/sh ix,
                }
                """;
        ContainerAnalysis analysis = fixture.analyze(text);
        TreeNode c = analysis.tree().root().children().get(0);
        TreeNode ix = child(c, "ix: stays in c");
        // The profile's own rule first; what the include brings under a node of its own.
        assertThat(ix.children()).extracting(TreeNode::label).containsExactly("/bin/sh ix,", "1 from includes");
        TreeNode fromIncludes = ix.children().get(1);
        assertThat(fromIncludes.has(TreeNode.Marker.FROM_INCLUDE)).isTrue();
        assertThat(fromIncludes.children()).extracting(TreeNode::label)
                .containsExactly("/usr/bin/tool ix, (from an include)");
        assertThat(text(analysis, fromIncludes.children().get(0))).isEqualTo("include <abstractions/tools>");
        assertThat(c.diagnostics()).extracting(ContainerDiagnostic::code).contains("container-disconnected-flags");
    }

    @Test
    void aDenseGraphOfPxTargetsStaysBounded() {
        StringBuilder text = new StringBuilder();
        int count = 9;
        for (int i = 0; i < count; i++) {
            text.append("profile p").append(i).append(" flags=(attach_disconnected,mediate_deleted) {\n");
            for (int j = 0; j < count; j++) {
                if (j != i) {
                    text.append("  /usr/bin/t").append(j).append(" px -> p").append(j).append(",\n");
                }
            }
            text.append("}\n");
        }
        ContainerAnalysis analysis = fixture.analyze(text.toString());
        int nodes = analysis.tree().root().flatten().size();
        assertThat(nodes).isBetween(count * count, 40_000);
        assertThat(analysis.tree().root().flatten()).anyMatch(n -> n.has(Marker.CYCLE));
    }

    @Test
    void anExecRuleSeesItsOwnProfilesBuiltInVariables() {
        // AppArmor 4's @{exec_path} is the program the rule's own profile attaches to: the worker may
        // re-exec itself and stay where it is.
        String text = """
                profile c flags=(attach_disconnected,mediate_deleted) {
                  /usr/bin/worker cx -> worker,

                  profile worker /usr/bin/worker {
                    @{exec_path} ix,
                  }
                }
                """;
        ContainerPolicy policy = fixture.analyze(text).policy();
        PolicyProfile worker = policy.containerProfile().children().get(0);
        assertThat(policy.exec(worker, "/usr/bin/worker").landsIn()).isSameAs(worker);
        assertThat(policy.exec(policy.containerProfile(), "/usr/bin/worker").landsIn()).isSameAs(worker);
        assertThat(policy.exec(policy.containerProfile(), "/usr/bin/other").result())
                .isEqualTo(ExecOutcome.Result.NO_EXEC_PERMISSION);
    }

    @Test
    void pxTargetsAreFoundInOtherOpenDocumentsFirst() {
        String text = "profile c flags=(attach_disconnected,mediate_deleted) {\n  /usr/bin/tool Px,\n  /usr/bin/x px -> other,\n}\n";
        OpenTextProfiles open = new OpenTextProfiles(List.of(
                new OpenTextProfiles.Document(dir.resolve("tool.profile"), "profile tool /usr/bin/tool flags=(complain) {\n}\n"),
                new OpenTextProfiles.Document(dir.resolve("other.profile"), "profile other {\n}\n")), fixture.sources);
        ContainerAnalysis analysis = ContainerAnalysis.analyze(fixture.lint(text), open, null);
        ContainerPolicy policy = analysis.policy();
        assertThat(policy.transitions(policy.containerProfile())).allSatisfy(t -> assertThat(t.resolved()).isTrue());
        assertThat(policy.exec(policy.containerProfile(), "/usr/bin/tool").landsIn().mode()).isEqualTo(ProfileMode.COMPLAIN);
        assertThat(policy.externalProfiles()).extracting(PolicyProfile::origin)
                .containsExactlyInAnyOrder(dir.resolve("tool.profile"), dir.resolve("other.profile"));
    }
}
