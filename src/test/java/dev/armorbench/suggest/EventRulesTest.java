package dev.armorbench.suggest;

import static dev.armorbench.suggest.SuggestFixtures.open;
import static dev.armorbench.suggest.SuggestFixtures.rules;
import static dev.armorbench.suggest.SuggestFixtures.suggest;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EventRulesTest {
    private static final String STAMP = "type=AVC msg=audit(1691930856.284:1): ";

    @Test
    void fileMasksMapLikeAaLogprof() {
        assertThat(rules(suggest(KnownProfiles.none(), open("p", "/tmp/d/", "c", 0, 1)))).containsExactly("/tmp/d/ w,");
        assertThat(rules(suggest(KnownProfiles.none(), open("p", "/tmp/f", "wa", 0, 1)))).containsExactly("/tmp/f w,");
        assertThat(rules(suggest(KnownProfiles.none(), open("p", "/tmp/f", "a", 0, 1)))).containsExactly("/tmp/f a,");
        assertThat(rules(suggest(KnownProfiles.none(), open("p", "/tmp/f", "d", 0, 1)))).containsExactly("/tmp/f w,");
        assertThat(rules(suggest(KnownProfiles.none(), open("p", "/tmp/f", "r", 1000, 1000)))).containsExactly("owner /tmp/f r,");
    }

    @Test
    void anXOutsideAnExecRecordAsksForNoExecRule() {
        // Upstream's file_xm case: a link whose mask is "xm" gets the m alone, as aa-logprof writes it.
        String link = STAMP + "apparmor=\"DENIED\" operation=\"link\" profile=\"cargo\" name=\"/var/tmp/a.rlib\""
                + " pid=12412 comm=\"cargo\" requested_mask=\"xm\" denied_mask=\"xm\" fsuid=250 ouid=250"
                + " target=\"/var/tmp/deps/a.rlib\"";
        assertThat(rules(suggest(KnownProfiles.none(), link))).containsExactly("owner /var/tmp/a.rlib m,");
    }

    @Test
    void aMaskThatIsAWordIsNoFileMask() {
        // A module load: a name and masks, but its masks are words; no file rule may come of it.
        String moduleLoad = STAMP + "apparmor=\"DENIED\" operation=\"module\" profile=\"p\" name=\"/lib/m.ko\""
                + " pid=1 comm=\"insmod\" requested_mask=\"load_file\" denied_mask=\"load_file\"";
        assertThat(suggest(KnownProfiles.none(), moduleLoad)).isEmpty();
        // A file access with a word for a mask (a class this reader does not know): no letters picked from it.
        assertThat(suggest(KnownProfiles.none(), open("p", "/tmp/q", "create", 0, 1))).isEmpty();
    }

    @Test
    void aDisconnectedPathGetsNoRuleButTheFlagThatFixesIt() {
        // Without attach_disconnected the kernel names a file from outside the mount namespace
        // without its leading '/'; a rule naming "dev/pts/0" would not load.
        Suggester suggester = new Suggester(KnownProfiles.none());
        String disconnected = STAMP + "apparmor=\"DENIED\" operation=\"open\""
                + " info=\"Failed name lookup - disconnected path\" error=-13 profile=\"p\" name=\"dev/pts/0\""
                + " pid=7 comm=\"sh\" requested_mask=\"wr\" denied_mask=\"wr\" fsuid=0 ouid=0";
        String exec = STAMP + "apparmor=\"DENIED\" operation=\"exec\" info=\"Failed name lookup - disconnected path\""
                + " error=-13 profile=\"p\" name=\"usr/bin/tool\" pid=7 comm=\"sh\" requested_mask=\"x\""
                + " denied_mask=\"x\" fsuid=0 ouid=0";
        SuggestFixtures.read(suggester, disconnected, exec, open("p", "/etc/hosts", "r", 0, 1));

        assertThat(rules(suggester.suggestions())).containsExactly("/etc/hosts r,");
        assertThat(suggester.ruleless().byClass()).containsExactly(java.util.Map.entry("disconnected path", 2L));
        assertThat(suggester.ruleless().note()).startsWith("2 events asked for what no rule allows here:"
                + " disconnected path (2); no rule is suggested for them.")
                .contains("add attach_disconnected to the profile's flags");
    }

    @Test
    void aLinkTargetCutOffFromTheRootIsLeftOutOfTheRule() {
        String link = STAMP + "apparmor=\"DENIED\" operation=\"link\" profile=\"p\" name=\"/tmp/a\""
                + " pid=7 comm=\"ln\" requested_mask=\"l\" denied_mask=\"l\" fsuid=0 ouid=1 target=\"outside/b\"";
        assertThat(alternatives(link)).contains("/tmp/a l,").noneMatch(rule -> rule.contains("outside"));
        assertThat(alternatives(link.replace("outside/b", "/tmp/b"))).contains("/tmp/a l,", "link /tmp/a -> /tmp/b,");
    }

    private static List<String> alternatives(String line) {
        List<Suggestion> suggestions = suggest(KnownProfiles.none(), line);
        assertThat(suggestions).hasSize(1);
        return suggestions.get(0).alternatives().stream().map(Alternative::rule).toList();
    }

    @Test
    void aUnixRuleNamesOnlyAbstractAddresses() {
        // apparmor_parser takes addr=@name, none or auto; a socket with a path is its file rule's business.
        String connect = STAMP + "apparmor=\"DENIED\" operation=\"connect\" class=\"net\" profile=\"p\" pid=1"
                + " comm=\"c\" family=\"unix\" sock_type=\"stream\" protocol=0 requested=\"send receive connect\""
                + " denied=\"send receive connect\" addr=none peer_addr=\"PEER\"";
        assertThat(alternatives(connect.replace("PEER", "/run/dbus/system_bus_socket")))
                .startsWith("unix (connect, receive, send) type=stream,").noneMatch(rule -> rule.contains("/run"));
        assertThat(alternatives(connect.replace("PEER", "@test_abstract_socket")))
                .startsWith("unix (connect, receive, send) type=stream peer=(addr=@test_abstract_socket),");
    }

    @Test
    void eventsOfClassesNoRuleCoversAreCountedByClass() {
        Suggester suggester = new Suggester(KnownProfiles.none());
        String module = STAMP + "apparmor=\"DENIED\" operation=\"module\" profile=\"p\" pid=1 comm=\"modprobe\""
                + " kmod=\"nf_tables\" requested_mask=\"request\" denied_mask=\"request\"";
        String rlimit = STAMP + "apparmor=\"DENIED\" operation=\"setrlimit\" class=\"rlimit\" profile=\"p\" pid=1"
                + " comm=\"sh\" rlimit=nofile value=1024";
        String audited = module.replace("DENIED", "AUDIT");
        SuggestFixtures.read(suggester, module, rlimit, module, audited, open("p", "/etc/hosts", "r", 0, 1));

        assertThat(rules(suggester.suggestions())).containsExactly("/etc/hosts r,");
        RulelessEvents ruleless = suggester.ruleless();
        assertThat(ruleless.byClass()).containsExactly(java.util.Map.entry("kernel module", 2L),
                java.util.Map.entry("rlimit", 1L));
        assertThat(ruleless.note()).isEqualTo("3 events asked for what no rule allows here: kernel module (2), rlimit (1);"
                + " no rule is suggested for them.");
        assertThat(new Suggester(KnownProfiles.none()).ruleless().note()).isEmpty();
    }

    /** An ALLOWED inet stream event of {@code operation} from 127.0.0.1:80 to the peer's port 58472. */
    private static String inetStream(String operation) {
        return STAMP + "apparmor=\"ALLOWED\" operation=\"" + operation + "\" profile=\"p\" pid=1 comm=\"nc\""
                + " family=\"inet\" sock_type=\"stream\" protocol=6 requested_mask=\"" + operation + "\""
                + " denied_mask=\"" + operation + "\" laddr=127.0.0.1 lport=80 faddr=127.0.0.1 fport=58472";
    }

    @Test
    void onlyOperationsBetweenTwoEndsGetAPeer() {
        String shutdown = inetStream("shutdown");
        String send = inetStream("send");
        assertThat(suggest(KnownProfiles.none(), shutdown).get(0).chosen().rule())
                .isEqualTo("network (shutdown) inet stream ip=127.0.0.1 port=80,");
        assertThat(suggest(KnownProfiles.none(), send).get(0).chosen().rule())
                .isEqualTo("network (send) inet stream ip=127.0.0.1 port=80 peer=(ip=127.0.0.1 port=58472),");
    }

    @Test
    void forAnAppArmor3ParserNetworkEventsOfOneFamilyAndTypeBecomeOneRuleItReads() {
        String send = inetStream("send");
        String otherPort = send.replace("fport=58472", "fport=58473");
        Suggester suggester = new Suggester(KnownProfiles.none(), LearningLabels.TO_EXECUTING_PROFILE, null,
                NetworkRuleForm.FAMILY_AND_TYPE);
        SuggestFixtures.read(suggester, send, otherPort);

        List<Suggestion> suggestions = suggester.suggestions();
        assertThat(rules(suggestions)).containsExactly("network inet stream,");
        assertThat(suggestions.get(0).events().count()).isEqualTo(2);
        // The fine-grained forms stay on offer, for a profile meant for an AppArmor 4 parser.
        assertThat(suggestions.get(0).alternatives()).extracting(Alternative::rule)
                .anyMatch(rule -> rule.startsWith("network (send) inet stream ip=127.0.0.1 port=80 peer=("));
    }

    @Test
    void permissionsOfOnePathAddUp() {
        List<Suggestion> s = suggest(KnownProfiles.none(), open("p", "/etc/f", "r", 0, 1), open("p", "/etc/f", "m", 0, 1));
        assertThat(rules(s)).containsExactly("/etc/f mr,");
        assertThat(s.get(0).events().count()).isEqualTo(2);
        assertThat(s.get(0).events().exampleComm()).isEqualTo("cat");
    }

    @Test
    void aRuleAnotherSuggestionCoversIsLeftOutAndItsEventsJoinIt() {
        String exec = STAMP + "apparmor=\"ALLOWED\" operation=\"exec\" profile=\"p\" name=\"/bin/busybox\" pid=1 comm=\"sh\""
                + " requested_mask=\"x\" denied_mask=\"x\" fsuid=0 ouid=0";
        List<Suggestion> s = suggest(KnownProfiles.none(), exec, open("p", "/bin/busybox", "r", 0, 0));
        assertThat(rules(s)).containsExactly("/bin/busybox mrix,");
        assertThat(s.get(0).events().count()).isEqualTo(2);
    }

    @Test
    void procPidDefaultsToAnyPid() {
        Suggestion s = suggest(KnownProfiles.none(), open("p", "/proc/4711/status", "r", 0, 1)).get(0);
        assertThat(s.chosen().rule()).isEqualTo("/proc/*/status r,");
        assertThat(s.alternatives()).extracting(Alternative::rule)
                .startsWith("/proc/4711/status r,", "/proc/*/status r,", "/proc/[0-9]*/status r,")
                .contains("/proc/4711/* r,", "/proc/4711/** r,");
    }

    @Test
    void versionedLibrariesAndNumbersHaveBroaderAlternatives() {
        Suggestion s = suggest(KnownProfiles.none(), open("p", "/usr/lib/libssl.so.3.0.2", "m", 0, 1)).get(0);
        assertThat(s.alternatives()).extracting(Alternative::rule)
                .contains("/usr/lib/libssl.so* m,", "/usr/lib/libssl.so.[0-9]*.[0-9]*.[0-9]* m,", "/usr/lib/* m,",
                        "/usr/lib/** m,");
        assertThat(s.chosen().rule()).isEqualTo("/usr/lib/libssl.so.3.0.2 m,");
    }

    @Test
    void execOffersEveryModeAndDefaultsToIxWithoutAProfile() {
        String exec = STAMP + "apparmor=\"DENIED\" operation=\"exec\" profile=\"p\" name=\"/usr/bin/tool\" pid=1 comm=\"sh\""
                + " requested_mask=\"x\" denied_mask=\"x\" fsuid=0 ouid=0";
        Suggestion s = suggest(KnownProfiles.none(), exec).get(0);
        assertThat(s.chosen().rule()).isEqualTo("/usr/bin/tool mrix,");
        assertThat(s.alternatives()).extracting(Alternative::rule)
                .containsExactly("/usr/bin/tool mrix,", "/usr/bin/tool px,", "/usr/bin/tool cx,", "/usr/bin/tool ux,");
        KnownProfiles withTool = new KnownProfiles(List.of(SuggestFixtures.policy(
                "profile p {\n}\nprofile tool /usr/bin/tool {\n}\n", List.of())));
        Suggestion px = suggest(withTool, exec).get(0);
        assertThat(px.chosen().rule()).isEqualTo("/usr/bin/tool px -> tool,");
    }

    @Test
    void complainModeLearningGoesToTheExecutingProfileAsMrix() {
        String exec = STAMP + "apparmor=\"ALLOWED\" operation=\"exec\" profile=\"P\" name=\"/bin/busybox\" pid=1 comm=\"sh\""
                + " requested_mask=\"x\" denied_mask=\"x\" fsuid=0 ouid=0 target=\"P//null-/bin/busybox\"";
        String read = STAMP + "apparmor=\"ALLOWED\" operation=\"open\" profile=\"P//null-/bin/busybox\" name=\"/etc/motd\""
                + " pid=2 comm=\"busybox\" requested_mask=\"r\" denied_mask=\"r\" fsuid=0 ouid=1";
        List<Suggestion> s = suggest(KnownProfiles.none(), exec, read);
        assertThat(s).extracting(x -> x.profile().label()).containsOnly("P");
        assertThat(rules(s)).containsExactly("/bin/busybox mrix,", "/etc/motd r,");
    }

    @Test
    void childLabelsGoToTheChild() {
        List<Suggestion> s = suggest(KnownProfiles.none(), open("a//b", "/etc/x", "r", 0, 1));
        assertThat(s.get(0).profile()).isEqualTo(ProfilePath.of("a", "b"));
        assertThat(NewProfiles.render(s).get("a")).isEqualTo("profile a {\n  profile b {\n    /etc/x r,\n\n  }\n}\n");
    }

    @Test
    void otherClasses() {
        assertThat(rules(suggest(KnownProfiles.none(),
                STAMP + "apparmor=\"DENIED\" operation=\"capable\" class=\"cap\" profile=\"p\" pid=1 comm=\"x\" capability=12 capname=\"net_admin\"",
                STAMP + "apparmor=\"DENIED\" operation=\"signal\" class=\"signal\" profile=\"p\" pid=1 comm=\"x\" requested_mask=\"send\" denied_mask=\"send\" signal=kill peer=\"q\"",
                STAMP + "apparmor=\"DENIED\" operation=\"ptrace\" class=\"ptrace\" profile=\"p\" pid=1 comm=\"x\" requested_mask=\"read\" denied_mask=\"read\" peer=\"q\"",
                STAMP + "apparmor=\"DENIED\" operation=\"pivotroot\" class=\"mount\" profile=\"p\" name=\"/new/\" srcname=\"/old/\" pid=1 comm=\"x\"")))
                .containsExactly("capability net_admin,", "signal send set=kill peer=q,", "ptrace read peer=q,",
                        "pivot_root oldroot=/old/ /new/,");
    }
}
