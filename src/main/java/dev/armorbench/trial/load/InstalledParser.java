package dev.armorbench.trial.load;

import dev.armorbench.suggest.NetworkRuleForm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the installed {@code apparmor_parser} reads, found by asking it: it compiles a one-rule
 * probe without loading it ({@code -Q -K}, no privilege needed). Version numbers would say less:
 * distributions backport, and what matters is whether the profile will load.
 */
public final class InstalledParser {
    private static final String NETWORK_PROBE = "profile armorbench-probe {\n  network (send) inet stream,\n}\n";
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);
    private static volatile NetworkRuleForm systemNetworkRules;
    private static final Map<AppArmor4Feature, Boolean> systemReads = new ConcurrentHashMap<>();

    private InstalledParser() {
    }

    /** {@link #networkRuleForm(AppArmorHost, CommandRunner)} of this machine's parser, asked once. */
    public static NetworkRuleForm networkRuleForm() {
        NetworkRuleForm form = systemNetworkRules;
        if (form == null) {
            form = networkRuleForm(AppArmorHost.system(), new ProcessCommandRunner());
            systemNetworkRules = form;
        }
        return form;
    }

    /**
     * What {@link #networkRuleForm()} found, without asking: empty until it has asked. For callers
     * that must answer at once (completion, on the FX thread); the editor's first check asks.
     */
    public static Optional<NetworkRuleForm> knownNetworkRuleForm() {
        return Optional.ofNullable(systemNetworkRules);
    }

    /**
     * The network rules the host's parser reads: {@link NetworkRuleForm#FAMILY_AND_TYPE} when it
     * refuses a rule with permissions; {@link NetworkRuleForm#FINE_GRAINED} when it reads one, and
     * when there is no parser to ask (nothing is loaded here then; the profile may go elsewhere).
     */
    static NetworkRuleForm networkRuleForm(AppArmorHost host, CommandRunner runner) {
        return reads(host, runner, NETWORK_PROBE) ? NetworkRuleForm.FINE_GRAINED : NetworkRuleForm.FAMILY_AND_TYPE;
    }

    /** {@link #reads(AppArmor4Feature, AppArmorHost, CommandRunner)} of this machine's parser, asked once per feature. */
    public static boolean reads(AppArmor4Feature feature) {
        return systemReads.computeIfAbsent(feature, f -> reads(f, AppArmorHost.system(), new ProcessCommandRunner()));
    }

    /**
     * Whether the host's parser reads {@code feature}: AppArmor 4 does, AppArmor 3 refuses the
     * file at it. Asked with the feature's one-line probe.
     */
    static boolean reads(AppArmor4Feature feature, AppArmorHost host, CommandRunner runner) {
        return reads(host, runner, feature.probe());
    }

    /**
     * Whether the host's parser compiles {@code probe}; true when there is no parser to ask, or it
     * cannot run: nothing is loaded here then, and such a parser says nothing about its language.
     */
    private static boolean reads(AppArmorHost host, CommandRunner runner, String probe) {
        Optional<Path> parser = host.parser();
        if (parser.isEmpty()) {
            return true;
        }
        try {
            CommandOutput output = runner.run(List.of(parser.get().toString(), "-Q", "-K"), Optional.empty(),
                    probe.getBytes(StandardCharsets.UTF_8), PROBE_TIMEOUT);
            return output.exitCode() == 0;
        } catch (IOException | CommandRunner.CommandTimedOutException e) {
            return true;
        }
    }
}
