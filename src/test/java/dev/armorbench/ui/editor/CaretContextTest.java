package dev.armorbench.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.policy.syntax.LexMode;
import dev.armorbench.policy.syntax.LexerState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What completion reads at the caret, and what it offers there; no JavaFX needed. */
class CaretContextTest {
    private static final LineStart IN_PROFILE = new LineStart(LexerState.INITIAL, 1);
    private static final LineStart PREAMBLE = new LineStart(LexerState.INITIAL, 0);

    private static CaretContext at(String lineWithCaret, LineStart start) {
        int caret = lineWithCaret.indexOf('|');
        return CaretContext.at(lineWithCaret.replace("|", ""), caret, start);
    }

    private static List<String> offered(String lineWithCaret, LineStart start) {
        return CompletionCandidates.forContext(at(lineWithCaret, start), CompletionCandidates.DocumentFacts.NONE)
                .stream().map(CompletionItem::label).toList();
    }

    @Test
    void keywordsDependOnWhereTheLineIs() {
        assertThat(at("  ca|", IN_PROFILE).kind()).isEqualTo(CaretContext.Kind.RULE_KEYWORD);
        assertThat(offered("  c|", IN_PROFILE)).containsExactly("capability", "change_profile");
        assertThat(offered("in|", PREAMBLE)).containsExactly("include");
        assertThat(offered("  deny ne|", IN_PROFILE)).containsExactly("network");
        assertThat(at("  audit deny |", IN_PROFILE).kind()).isEqualTo(CaretContext.Kind.QUALIFIED_RULE_KEYWORD);
        assertThat(at("  /etc/x r, cap|", IN_PROFILE).kind()).isEqualTo(CaretContext.Kind.RULE_KEYWORD);
    }

    @Test
    void networkPermissionsAreOfferedOnlyWhereTheParserThatLoadsTheProfileReadsThem() {
        CaretContext context = at("  network s|", IN_PROFILE);
        CompletionCandidates.DocumentFacts appArmor3 = CompletionCandidates.DocumentFacts.NONE.withNetworkPermissions(false);

        assertThat(CompletionCandidates.forContext(context, CompletionCandidates.DocumentFacts.NONE))
                .extracting(CompletionItem::label).contains("stream", "send");
        assertThat(CompletionCandidates.forContext(context, appArmor3))
                .extracting(CompletionItem::label).contains("stream").doesNotContain("send", "setopt", "shutdown");
    }

    @Test
    void wordsAppArmor4AddedSaySoBesideThem() {
        assertThat(CompletionCandidates.forContext(at("  u|", IN_PROFILE), CompletionCandidates.DocumentFacts.NONE))
                .extracting(item -> item.label() + " (" + item.detail() + ")").containsExactly("unix (rule)",
                        "umount (rule)", "userns (rule, AppArmor 4)");
        assertThat(CompletionCandidates.forContext(at("profile x flags=(attach_disconnected, d|", PREAMBLE),
                CompletionCandidates.DocumentFacts.NONE)).extracting(item -> item.label() + " (" + item.detail() + ")")
                .containsExactly("default_allow (flag, AppArmor 4)", "delegate_deleted (flag)", "debug (flag, AppArmor 4)");
    }

    @Test
    void namesOfEachRuleKind() {
        CaretContext capability = at("  capability net_b|ind,", IN_PROFILE);
        assertThat(capability.kind()).isEqualTo(CaretContext.Kind.CAPABILITY);
        assertThat(capability.wordStart()).isEqualTo("  capability ".length());
        assertThat(capability.wordEnd()).isEqualTo("  capability net_bind".length());
        assertThat(offered("  capability chown sys_ad|", IN_PROFILE)).containsExactly("sys_admin");
        assertThat(offered("  network inet st|", IN_PROFILE)).containsExactly("stream");
        assertThat(offered("  signal send set=(hu|", IN_PROFILE)).containsExactly("hup");
        assertThat(offered("  set rlimit nof|", IN_PROFILE)).containsExactly("nofile");
        assertThat(offered("  ptrace tr|", IN_PROFILE)).containsExactly("trace", "tracedby");
        assertThat(offered("profile x flags=(attach_disconnected, comp|", PREAMBLE)).containsExactly("complain");
    }

    @Test
    void aRuleGoingOnFromTheLineBeforeKeepsItsKind() {
        LineStart insideNetwork = new LineStart(new LexerState(LexMode.NETWORK, 0, false), 1);
        assertThat(offered("      ine|", insideNetwork)).containsExactly("inet", "inet6");
    }

    @Test
    void permissionsAndExecModesAfterAPath() {
        assertThat(at("  /usr/bin/foo |", IN_PROFILE).kind()).isEqualTo(CaretContext.Kind.PERMISSION);
        assertThat(offered("  /usr/bin/foo rP|", IN_PROFILE)).containsExactly("rPx", "rPix", "rPUx");
        assertThat(at("  /usr/bin/foo Cx -> |", IN_PROFILE).kind()).isEqualTo(CaretContext.Kind.PROFILE_TARGET);
    }

    @Test
    void includeTargetsAndVariables() {
        CaretContext include = at("include <abstractions/ba|", PREAMBLE);
        assertThat(include.kind()).isEqualTo(CaretContext.Kind.INCLUDE);
        assertThat(include.prefix()).isEqualTo("abstractions/ba");
        assertThat(at("include <|", PREAMBLE).kind()).isEqualTo(CaretContext.Kind.INCLUDE);
        CaretContext variable = at("  owner @{HO|}/x r,", IN_PROFILE);
        assertThat(variable.kind()).isEqualTo(CaretContext.Kind.VARIABLE);
        assertThat(variable.prefix()).isEqualTo("@{HO");
        assertThat(variable.wordEnd()).isEqualTo("  owner @{HO}".length());
    }

    @Test
    void nothingInCommentsAndPaths() {
        assertThat(at("  # capability ch|", IN_PROFILE).kind()).isEqualTo(CaretContext.Kind.NONE);
        assertThat(offered("  /etc/hos|", IN_PROFILE)).isEmpty();
    }
}
