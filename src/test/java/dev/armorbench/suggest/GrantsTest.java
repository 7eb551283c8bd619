package dev.armorbench.suggest;

import static dev.armorbench.suggest.SuggestFixtures.open;
import static dev.armorbench.suggest.SuggestFixtures.policy;
import static dev.armorbench.suggest.SuggestFixtures.rules;
import static dev.armorbench.suggest.SuggestFixtures.suggest;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class GrantsTest {
    private static KnownProfiles profiles(String text) {
        return new KnownProfiles(List.of(policy(text, List.of())));
    }

    @Test
    void rulesTheProfileGrantsAreNotSuggested() {
        KnownProfiles p = profiles("@{HOME}=/home/*/\nprofile p {\n  owner @{HOME}/** r,\n  /etc/{passwd,group} r,\n  /usr/lib/** m,\n"
                + "  /usr/lib/*.so r,\n  capability chown,\n  deny /secret w,\n}\n");
        assertThat(rules(suggest(p,
                open("p", "/home/al/notes", "r", 1000, 1000),
                open("p", "/etc/group", "r", 0, 0),
                open("p", "/usr/lib/x.so", "mr", 0, 0),
                open("p", "/secret", "w", 0, 0),
                "type=AVC msg=audit(1.2:3): apparmor=\"DENIED\" operation=\"capable\" profile=\"p\" pid=1 comm=\"x\" capname=\"chown\"")))
                .isEmpty();
    }

    @Test
    void builtInVariablesCoverWhatTheyStandFor() {
        // AppArmor 4's @{exec_path} is the attachment, variables and all; a policy's own definition wins.
        KnownProfiles p = profiles("@{name}=app\nprofile p /usr/bin/@{name}{,-bin} {\n  @{exec_path} mr,\n"
                + "  /run/@{profile_name}/** rw,\n  profile child /opt/child {\n    @{attach_path} r,\n  }\n}\n");
        assertThat(rules(suggest(p,
                open("p", "/usr/bin/app-bin", "r", 0, 0),
                open("p", "/run/p/sock", "w", 0, 0),
                open("p//child", "/opt/child", "r", 0, 0))))
                .isEmpty();
        KnownProfiles own = profiles("@{exec_path}=/usr/sbin/own\nprofile own @{exec_path} {\n  @{exec_path} r,\n}\n");
        assertThat(rules(suggest(own, open("own", "/usr/sbin/own", "r", 0, 0)))).isEmpty();
        // A child without an attachment has no @{exec_path} of its own.
        assertThat(rules(suggest(profiles("profile p /usr/bin/p {\n  profile c {\n    @{exec_path} r,\n  }\n}\n"),
                open("p//c", "/usr/bin/p", "r", 0, 0)))).containsExactly("owner /usr/bin/p r,");
    }

    @Test
    void partlyGrantedAndOwnerOnlyStillSuggested() {
        KnownProfiles p = profiles("profile p {\n  /etc/f r,\n  owner /tmp/o r,\n}\n");
        assertThat(rules(suggest(p, open("p", "/etc/f", "rw", 0, 0), open("p", "/tmp/o", "r", 0, 1))))
                .containsExactly("owner /etc/f rw,", "/tmp/o r,");
    }

    @Test
    void abstractionsAndTunablesOfTheSearchPathCount() {
        Path shipped = Corpora.require("profiles-apparmor");
        KnownProfiles p = new KnownProfiles(List.of(policy(
                "include <tunables/global>\nprofile p {\n  include <abstractions/base>\n}\n", List.of(shipped))));
        assertThat(rules(suggest(p, open("p", "/etc/ld.so.cache", "r", 0, 0), open("p", "/proc/77/maps", "r", 5, 5),
                open("p", "/etc/hostname", "r", 0, 1))))
                .containsExactly("/etc/hostname r,");
    }

    @Test
    void anAbstractionThatGrantsSeveralSuggestionsIsOfferedInstead() throws java.io.IOException {
        Path shipped = Corpora.require("profiles-apparmor");
        KnownProfiles p = new KnownProfiles(List.of(policy("include <tunables/global>\nprofile p {\n}\n", List.of(shipped))));
        Suggester suggester = new Suggester(p, LearningLabels.TO_EXECUTING_PROFILE, AbstractionOffers.onSearchPath(List.of(shipped)));
        SuggestFixtures.read(suggester, open("p", "/etc/ld.so.cache", "r", 0, 0),
                open("p", "/usr/lib/x86_64-linux-gnu/libc.so.6", "mr", 0, 0), open("p", "/srv/mine", "r", 0, 1));
        List<Suggestion> out = suggester.suggestions();
        assertThat(out).hasSize(2);
        Suggestion include = out.get(0);
        assertThat(include.kind()).isEqualTo(RuleKind.INCLUDE);
        assertThat(include.chosen().rule()).startsWith("include <abstractions/");
        assertThat(include.replaces()).extracting(s -> s.events().objects().get(0))
                .containsExactly("/etc/ld.so.cache", "/usr/lib/x86_64-linux-gnu/libc.so.6");
        assertThat(include.events().count()).isEqualTo(2);
        assertThat(out.get(1).chosen().rule()).isEqualTo("/srv/mine r,");
    }
}
