package dev.armorbench.suggest;

import dev.armorbench.policy.syntax.TextEdit;
import static dev.armorbench.suggest.SuggestFixtures.open;
import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.policy.check.LintResult;
import dev.armorbench.policy.check.PolicySources;
import dev.armorbench.policy.check.SourceFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileEditsTest {
    private static final String CAP = "type=AVC msg=audit(1.2:3): apparmor=\"DENIED\" operation=\"capable\" profile=\"%s\" pid=1"
            + " comm=\"x\" capname=\"%s\"";

    private static EditPlan plan(String text, String... lines) {
        LintResult policy = SuggestFixtures.policy(text, List.of());
        List<Suggestion> suggestions = SuggestFixtures.suggest(new KnownProfiles(List.of(policy)), lines);
        return ProfileEdits.plan(policy.source(), suggestions);
    }

    @Test
    void newRulesFollowTheLastRuleOfTheirKindWithItsIndentation() {
        String text = "# my profile\nprofile p {\n\tcapability chown,\n\t/etc/a r,  # keep\n\n\t/etc/b r,\n\tnetwork inet,\n}\n";
        EditPlan plan = plan(text, open("p", "/etc/c", "r", 0, 1), String.format(CAP, "p", "kill"));
        assertThat(plan.apply()).isEqualTo(
                "# my profile\nprofile p {\n\tcapability chown,\n\tcapability kill,\n\t/etc/a r,  # keep\n\n\t/etc/b r,\n\t/etc/c r,\n"
                        + "\tnetwork inet,\n}\n");
        assertThat(plan.hunks()).hasSize(2);
        assertThat(plan.hunks().get(0).edit()).isEqualTo(TextEdit.insert(44, "\tcapability kill,\n"));
        assertThat(plan.hunks().get(1).events().objects()).containsExactly("/etc/c");
        assertThat(plan.newErrors(new PolicySources(List.of(), Path.of("")))).isEmpty();
    }

    @Test
    void childrenAndHatsGetTheirRulesAndMissingChildrenAreAdded() {
        String text = "profile p {\n    /etc/a r,\n    ^hat {\n    }\n}\n";
        EditPlan plan = plan(text, open("p//hat", "/etc/h", "r", 0, 1), open("p//kid", "/etc/k", "w", 0, 1),
                open("p//kid", "/etc/k2", "r", 0, 1));
        assertThat(plan.apply()).isEqualTo("profile p {\n    /etc/a r,\n    ^hat {\n        /etc/h r,\n    }\n"
                + "    profile kid {\n        /etc/k w,\n        /etc/k2 r,\n    }\n}\n");
        assertThat(plan.hunks()).hasSize(2);
        assertThat(plan.newErrors(new PolicySources(List.of(), Path.of("")))).isEmpty();
    }

    @Test
    void aLastRuleWithoutItsCommaStillGetsTheNewRulesInsideTheProfile() {
        String text = "profile p {\n  /etc/a r,\n  /etc/b r\n}\n";
        String applied = plan(text, open("p", "/etc/c", "r", 0, 1)).apply();
        assertThat(applied).isEqualTo("profile p {\n  /etc/a r,\n  /etc/b r\n  /etc/c r,\n}\n");
        String child = "profile p {\n  /etc/a r,\n  profile kid {\n    /etc/k r\n  }\n}\n";
        assertThat(plan(child, open("p//kid", "/etc/c", "r", 0, 1)).apply())
                .isEqualTo("profile p {\n  /etc/a r,\n  profile kid {\n    /etc/k r\n    /etc/c r,\n  }\n}\n");
    }

    @Test
    void emptyAndOneLineProfilesOpenUp() {
        assertThat(plan("profile p {\n}\n", open("p", "/x", "r", 0, 1)).apply()).isEqualTo("profile p {\n  /x r,\n}\n");
        String oneLine = plan("profile p {}", open("p", "/x", "r", 0, 1)).apply();
        assertThat(SuggestFixtures.policy(oneLine, List.of()).hasErrors()).as(oneLine).isFalse();
        assertThat(oneLine).startsWith("profile p {\n  /x r,\n");
    }

    @Test
    void everyOtherByteStaysAndOnlyAcceptedHunksApply() {
        String text = "include <tunables/global>\n\n/usr/bin/x {\n  # comment\n  capability   chown ,\n}\n\nprofile other {\n}\n";
        EditPlan plan = plan(text, String.format(CAP, "/usr/bin/x", "kill"), String.format(CAP, "other", "kill"),
                String.format(CAP, "missing", "kill"));
        assertThat(plan.unplaced()).extracting(s -> s.profile().root()).containsExactly("missing");
        String first = plan.apply(List.of(plan.hunks().get(0)));
        assertThat(first).isEqualTo(text.replace("chown ,\n", "chown ,\n  capability kill,\n"));
        assertThat(new SourceFile(Path.of("x"), plan.apply()).tree().print()).isEqualTo(plan.apply());
    }
}
