package dev.armorbench.trial.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.suggest.NetworkRuleForm;
import dev.armorbench.suggest.RuleKind;
import dev.armorbench.testing.Requirements;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
    void theProbesOfAppArmor4RulesAgreeWithTheParserOnSuchRules() throws Exception {
        AppArmorHost host = AppArmorHost.system();
        Requirements.require(host.parser().isPresent(), "apparmor_parser (Debian package apparmor)");
        for (var rule : java.util.Map.of(RuleKind.USERNS, "userns create,", RuleKind.MQUEUE, "mqueue r type=posix /q,",
                RuleKind.IO_URING, "io_uring sqpoll,").entrySet()) {
            CommandOutput parsed = new ProcessCommandRunner().run(List.of(host.parser().get().toString(), "-Q", "-K"),
                    Optional.empty(), ("profile t {\n  /etc/hosts r,\n  " + rule.getValue() + "\n}\n")
                            .getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(60));

            assertThat(InstalledParser.reads(rule.getKey(), host, new ProcessCommandRunner())).as(rule.getValue())
                    .isEqualTo(parsed.exitCode() == 0);
        }
        assertThat(InstalledParser.reads(RuleKind.SIGNAL, host, new ProcessCommandRunner())).isTrue();
    }

    @Test
    void withoutAParserNothingIsAssumedAboutItsLanguage() throws Exception {
        Files.createDirectories(empty.resolve("usr/sbin"));
        AppArmorHost noParser = new AppArmorHost(empty, List.of(Path.of("/usr/sbin")));

        assertThat(InstalledParser.networkRuleForm(noParser, new ProcessCommandRunner())).isEqualTo(NetworkRuleForm.FINE_GRAINED);
        assertThat(InstalledParser.reads(RuleKind.USERNS, noParser, new ProcessCommandRunner())).isTrue();
    }
}
