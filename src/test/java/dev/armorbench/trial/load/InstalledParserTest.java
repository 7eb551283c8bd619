package dev.armorbench.trial.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.suggest.NetworkRuleForm;
import dev.armorbench.testing.Requirements;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the installed apparmor_parser reads, asked of the real parser. */
class InstalledParserTest {
    @TempDir
    Path empty;

    @Test
    void theProbeAgreesWithTheParserOnTheRuleASuggestionWouldWrite() throws Exception {
        AppArmorHost host = AppArmorHost.system();
        Requirements.require(host.parser().isPresent(), "apparmor_parser (Debian package apparmor)");
        String suggested = "profile t {\n  network (send) inet stream ip=127.0.0.1 port=80 peer=(ip=127.0.0.1 port=58472),\n}\n";
        CommandOutput parsed = new ProcessCommandRunner().run(List.of(host.parser().get().toString(), "-Q", "-K"),
                Optional.empty(), suggested.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(60));

        NetworkRuleForm form = InstalledParser.networkRuleForm(host, new ProcessCommandRunner());

        assertThat(form).isEqualTo(parsed.exitCode() == 0 ? NetworkRuleForm.FINE_GRAINED : NetworkRuleForm.FAMILY_AND_TYPE);
        // And the form it falls back to is one that parser reads.
        CommandOutput familyAndType = new ProcessCommandRunner().run(List.of(host.parser().get().toString(), "-Q", "-K"),
                Optional.empty(), "profile t {\n  network inet stream,\n}\n".getBytes(StandardCharsets.UTF_8),
                Duration.ofSeconds(60));
        assertThat(familyAndType.exitCode()).isZero();
    }

    @Test
    void theProbeOfEachAppArmor4FeatureAgreesWithTheParserOnAProfileThatUsesIt() throws Exception {
        AppArmorHost host = AppArmorHost.system();
        Requirements.require(host.parser().isPresent(), "apparmor_parser (Debian package apparmor)");
        Map<AppArmor4Feature, String> uses = new EnumMap<>(AppArmor4Feature.class);
        uses.put(AppArmor4Feature.USERNS_RULE, "profile t {\n  /etc/hosts r,\n  userns create,\n}\n");
        uses.put(AppArmor4Feature.MQUEUE_RULE, "profile t {\n  /etc/hosts r,\n  mqueue r type=posix /q,\n}\n");
        uses.put(AppArmor4Feature.IO_URING_RULE, "profile t {\n  /etc/hosts r,\n  io_uring sqpoll,\n}\n");
        uses.put(AppArmor4Feature.ALL_RULE, "profile t {\n  audit deny /etc/shadow r,\n  allow all,\n}\n");
        uses.put(AppArmor4Feature.PRIORITY, "profile t {\n  priority=10 owner /home/*/ r,\n}\n");
        uses.put(AppArmor4Feature.PROMPT_RULE, "profile t {\n  prompt /home/*/** rw,\n}\n");
        uses.put(AppArmor4Feature.DEFAULT_ALLOW_FLAG, "profile t flags=(default_allow) {\n  deny /etc/shadow r,\n}\n");
        uses.put(AppArmor4Feature.PROMPT_FLAG, "profile t flags=(prompt) {\n  /etc/hosts r,\n}\n");
        uses.put(AppArmor4Feature.DEBUG_FLAG, "/usr/bin/t flags=(complain,debug) {\n  /etc/hosts r,\n}\n");
        uses.put(AppArmor4Feature.INTERRUPTIBLE_FLAG, "profile t flags=(interruptible) {\n  /etc/hosts r,\n}\n");
        uses.put(AppArmor4Feature.ATTACH_DISCONNECTED_IPC_FLAG,
                "profile t flags=(attach_disconnected.ipc) {\n  /etc/hosts r,\n}\n");
        uses.put(AppArmor4Feature.ATTACH_DISCONNECTED_PATH_FLAG,
                "profile t flags=(attach_disconnected, attach_disconnected.path=/disconnected/) {\n  /etc/hosts r,\n}\n");
        uses.put(AppArmor4Feature.KILL_SIGNAL_FLAG, "profile t flags=(kill, kill.signal=term) {\n  /etc/hosts r,\n}\n");
        uses.put(AppArmor4Feature.ERROR_FLAG, "profile t flags=(error=EPERM) {\n  /etc/hosts r,\n}\n");
        uses.put(AppArmor4Feature.CONDITION_OPERATORS, "$a = true\n$b = false\nprofile t {\n  if $a or ($b and not $a) {\n"
                + "    /etc/hosts r,\n  }\n}\n");
        uses.put(AppArmor4Feature.IF_UNSET_ASSIGNMENT, "@{hosts} ?= /etc/hosts\nprofile t {\n  @{hosts} r,\n}\n");
        uses.put(AppArmor4Feature.OVERRIDE_ASSIGNMENT, "@{hosts} = /etc/hosts\n@{hosts} := /etc/hostname\nprofile t {\n"
                + "  @{hosts} r,\n}\n");
        uses.put(AppArmor4Feature.PATH_VARIABLES, "profile t /usr/bin/t {\n  @{attach_path} mr,\n}\n");
        uses.put(AppArmor4Feature.KERNEL_ABI, "abi <kernel>,\nprofile t {\n  /etc/hosts r,\n}\n");
        uses.put(AppArmor4Feature.IDENTITIES, "profile t + identities=(web, db) {\n  /etc/hosts r,\n}\n");
        uses.put(AppArmor4Feature.MOUNT_OPTIONS, "profile t {\n  mount options=(rw, nosymfollow) /dev/sdb1 -> /mnt/,\n}\n");
        assertThat(uses.keySet()).containsExactlyInAnyOrder(AppArmor4Feature.values());

        for (Map.Entry<AppArmor4Feature, String> use : uses.entrySet()) {
            CommandOutput parsed = new ProcessCommandRunner().run(List.of(host.parser().get().toString(), "-Q", "-K"),
                    Optional.empty(), use.getValue().getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(60));

            assertThat(InstalledParser.reads(use.getKey(), host, new ProcessCommandRunner())).as(use.getValue())
                    .isEqualTo(parsed.exitCode() == 0);
        }
    }

    @Test
    void withoutAParserNothingIsAssumedAboutItsLanguage() throws Exception {
        Files.createDirectories(empty.resolve("usr/sbin"));
        AppArmorHost noParser = new AppArmorHost(empty, List.of(Path.of("/usr/sbin")));

        assertThat(InstalledParser.networkRuleForm(noParser, new ProcessCommandRunner())).isEqualTo(NetworkRuleForm.FINE_GRAINED);
        assertThat(InstalledParser.reads(AppArmor4Feature.USERNS_RULE, noParser, new ProcessCommandRunner())).isTrue();
    }
}
