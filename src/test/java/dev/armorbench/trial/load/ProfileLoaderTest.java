package dev.armorbench.trial.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.armorbench.policy.check.Severity;
import dev.armorbench.suggest.NetworkRuleForm;
import dev.armorbench.testing.Requirements;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loader against host layouts in temporary directories. Commands run as real processes: the
 * machine's own apparmor_parser and root helper where they can show something here, and small
 * scripts standing in for pkexec and sudo (neither can ask a person in a test) whose exit codes
 * and messages are the ones their manuals document.
 */
class ProfileLoaderTest {
    private static final String PROFILE = """
            profile abtest flags=(attach_disconnected) {
              /bin/** mrix,
              /opt/helper/cat cx -> helper,

              profile helper /opt/helper/cat {
                /opt/helper/cat mr,
              }
            }
            """;

    @TempDir
    Path root;
    @TempDir
    Path work;

    private HostLayout layout;
    private Path file;
    private final List<List<String>> commandsRun = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        layout = new HostLayout(root);
        file = Files.writeString(work.resolve("abtest.profile"), PROFILE);
    }

    /** The real process runner, noting each command it runs. */
    private ProfileLoader loader() {
        ProcessCommandRunner real = new ProcessCommandRunner();
        CommandRunner noting = (arguments, directory, stdin, timeout) -> {
            commandsRun.add(arguments);
            return real.run(arguments, directory, stdin, timeout);
        };
        return new ProfileLoader(layout.host(), noting, List.of(work.resolve("include")));
    }

    private HostLayout readyAsRoot() throws IOException {
        return layout.appArmorEnabled("docker-default (enforce)\n").effectiveUid(0);
    }

    @Test
    void onThisMachineWithoutAppArmorTheLoadStopsBeforeTheParserWithTheReason() {
        assumeTrue(!Files.exists(Path.of("/sys/module/apparmor/parameters/enabled")),
                "this machine's kernel has AppArmor; the check is for a kernel without it");
        LoadResult result = ProfileLoader.forThisMachine().load(file);
        assertThat(result.outcome()).isEqualTo(LoadOutcome.APPARMOR_NOT_ENABLED);
        assertThat(result.message()).startsWith("AppArmor is not enabled").contains("apparmor=1 security=apparmor");
        assertThat(result.command()).isEmpty();
        assertThat(result.succeeded()).isFalse();
    }

    @Test
    void aHostWithoutAppArmorRunsNothing() throws IOException {
        layout.effectiveUid(0).realParser();
        LoadResult result = loader().load(file, PROFILE);
        assertThat(result.outcome()).isEqualTo(LoadOutcome.APPARMOR_NOT_ENABLED);
        assertThat(commandsRun).isEmpty();
    }

    @Test
    void aMissingParserNamesThePackage() throws IOException {
        readyAsRoot();
        LoadResult result = loader().load(file, PROFILE);
        assertThat(result.outcome()).isEqualTo(LoadOutcome.PARSER_MISSING);
        assertThat(result.message()).contains("apparmor_parser is not installed").contains("apt install apparmor");
        assertThat(commandsRun).isEmpty();
    }

    @Test
    void lintErrorsStopTheLoadWithTheDiagnostics() throws IOException {
        readyAsRoot().realParser();
        String broken = PROFILE.replace("/bin/** mrix,", "/bin/** mrix,\n  capability not_a_capability,");
        LoadResult result = loader().load(file, broken);
        assertThat(result.outcome()).isEqualTo(LoadOutcome.LINT_ERRORS);
        assertThat(result.message()).startsWith("1 error in the profile; nothing was loaded.").contains("abtest.profile line 3");
        assertThat(result.lintDiagnostics()).anySatisfy(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.line()).isEqualTo(3);
        });
        assertThat(result.command()).isEmpty();
        assertThat(commandsRun).isEmpty();
    }

    @Test
    void aFileWithoutProfilesHasNothingToLoad() throws IOException {
        readyAsRoot().realParser();
        LoadResult result = loader().load(file, "# only a comment\n");
        assertThat(result.outcome()).isEqualTo(LoadOutcome.LINT_ERRORS);
        assertThat(result.message()).contains("defines no profile");
    }

    @Test
    void anUnreadableFileIsSaidSo() throws IOException {
        readyAsRoot().realParser();
        LoadResult result = loader().load(work.resolve("missing.profile"));
        assertThat(result.outcome()).isEqualTo(LoadOutcome.UNREADABLE);
        assertThat(result.message()).contains("missing.profile");
    }

    @Test
    void asRootTheParserRunsDirectlyInTheProfilesDirectoryWithFixedOptions() throws IOException {
        readyAsRoot().realParser();
        Path parser = layout.path("/usr/sbin/apparmor_parser");
        ProfileLoader loader = loader();

        LoadResult plan = loader.plan(file, PROFILE, ParserRequest.REPLACE);
        assertThat(plan.outcome()).isEqualTo(LoadOutcome.READY);
        ParserCommand command = plan.command().orElseThrow();
        assertThat(command.route()).isEqualTo(PrivilegeRoute.AS_ROOT);
        assertThat(command.arguments()).containsExactly(parser.toString(), "-r", "-K");
        assertThat(command.workingDirectory()).contains(work.toAbsolutePath());
        assertThat(plan.profileNames()).containsExactly("abtest", "abtest//helper");
        assertThat(plan.message()).contains("as root").contains(parser + " -r -K < PROFILE-TEXT");
        assertThat(commandsRun).as("a plan runs nothing").isEmpty();

        assertThat(loader.plan(file, PROFILE, ParserRequest.REPLACE_IN_COMPLAIN_MODE).command().orElseThrow().arguments())
                .containsExactly(parser.toString(), "-r", "-K", "-C");
        assertThat(loader.plan(file, PROFILE, ParserRequest.REMOVE).command().orElseThrow().arguments())
                .containsExactly(parser.toString(), "-R", "-K");
    }

    @Test
    void theRealParserWithoutAKernelInterfaceIsAParserErrorInItsOwnWords() throws IOException {
        Requirements.require(Files.isExecutable(Path.of("/usr/sbin/apparmor_parser")),
                "apparmor_parser (Debian package apparmor)");
        assumeTrue(!Files.isDirectory(Path.of("/sys/kernel/security/apparmor")),
                "this machine has AppArmor's securityfs, so the parser would really load");
        readyAsRoot().realParser();

        LoadResult result = loader().load(file, PROFILE);

        assertThat(result.outcome()).isEqualTo(LoadOutcome.PARSER_ERROR);
        assertThat(commandsRun).containsExactly(List.of(layout.path("/usr/sbin/apparmor_parser").toString(), "-r", "-K"));
        assertThat(result.parserError()).hasValueSatisfying(error ->
                assertThat(error.message()).contains("unable to find a suitable fs in /proc/mounts"));
        assertThat(result.message()).startsWith("apparmor_parser refused to load the profile:")
                .contains("mount securityfs");
        assertThat(result.commandOutput()).contains("unable to find a suitable fs");
    }

    /**
     * A loader whose parser is the real one reading the text, as on a machine with AppArmor, where it
     * reads the profile before it loads (here it stops first: the kernel has no AppArmor securityfs).
     */
    private ProfileLoader loaderOverTheRealParser() throws IOException {
        Requirements.require(Files.isExecutable(Path.of("/usr/sbin/apparmor_parser")),
                "apparmor_parser (Debian package apparmor)");
        readyAsRoot().script("/usr/sbin/apparmor_parser", "exec /usr/sbin/apparmor_parser -Q -K\n");
        return loader();
    }

    @Test
    void anAppArmor3ParserStoppingAtANetworkRuleItDoesNotReadIsToldWhatItReads() throws IOException {
        ProfileLoader loader = loaderOverTheRealParser();
        Requirements.require(loader.networkRuleForm() == NetworkRuleForm.FAMILY_AND_TYPE,
                "an AppArmor 3 apparmor_parser (Debian 12's package apparmor)");
        String profile = "profile web {\n  network inet stream,\n\n  network (connect) inet stream\n"
                + "      peer=(port=5432),\n}\n";

        LoadResult result = loader.load(file, profile);

        assertThat(result.outcome()).isEqualTo(LoadOutcome.PARSER_ERROR);
        assertThat(result.parserError()).hasValueSatisfying(error -> assertThat(error.message()).startsWith("syntax error"));
        assertThat(result.message()).endsWith(" This apparmor_parser (AppArmor 3) does not read network permissions or"
                + " addresses, as on line 4: 'network inet stream,' is what it reads (the editor's quick fix writes it).");
    }

    @Test
    void anAppArmor3ParserStoppingAtAUsernsRuleIsToldTheRuleCanGo() throws IOException {
        ProfileLoader loader = loaderOverTheRealParser();
        Requirements.require(!InstalledParser.reads(AppArmor4Feature.USERNS_RULE, AppArmorHost.system(), new ProcessCommandRunner()),
                "an AppArmor 3 apparmor_parser (Debian 12's package apparmor)");
        String profile = "profile web {\n  /etc/hosts r,\n  userns,\n}\n";

        LoadResult result = loader.load(file, profile);

        assertThat(result.outcome()).isEqualTo(LoadOutcome.PARSER_ERROR);
        assertThat(result.message()).endsWith(" This apparmor_parser (AppArmor 3) does not read userns rules, as on line 3:"
                + " AppArmor 3 does not mediate user namespaces, so without the rule nothing changes here. The editor has a"
                + " quick fix for it.");
    }

    @Test
    void anAppArmor3ParserRefusingAnAppArmor4FlagIsToldWhatToWriteInstead() throws IOException {
        ProfileLoader loader = loaderOverTheRealParser();
        Requirements.require(!InstalledParser.reads(AppArmor4Feature.DEFAULT_ALLOW_FLAG, AppArmorHost.system(),
                new ProcessCommandRunner()), "an AppArmor 3 apparmor_parser (Debian 12's package apparmor)");
        String profile = "profile web\n    flags=(attach_disconnected, default_allow) {\n  /etc/hosts r,\n}\n";

        LoadResult result = loader.load(file, profile);

        assertThat(result.outcome()).isEqualTo(LoadOutcome.PARSER_ERROR);
        assertThat(result.parserError()).hasValueSatisfying(error -> assertThat(error.message()).contains("default_allow"));
        assertThat(result.message()).endsWith(" This apparmor_parser (AppArmor 3) does not read the profile flag"
                + " 'default_allow', as on line 2: AppArmor 3 has no allow-by-default mode: 'unconfined' is the nearest,"
                + " or write the rules.");
    }

    @Test
    void theParserGetsTheTextOnStandardInputInTheProfilesDirectoryAndTheModesAreReadBack() throws IOException {
        // A stand-in parser that keeps what it was given: this machine's kernel cannot load anything.
        readyAsRoot();
        layout.write("/sys/kernel/security/apparmor/profiles",
                "docker-default (enforce)\nabtest (enforce)\nabtest//helper (enforce)\n");
        Path kept = work.resolve("kept");
        layout.script("/usr/sbin/apparmor_parser", "cat > '" + kept + ".stdin'\npwd > '" + kept + ".cwd'\n"
                + "printf '%s\\n' \"$@\" > '" + kept + ".args'\n");

        LoadResult result = loader().load(file, PROFILE + "# unsaved edit\n");

        assertThat(result.outcome()).isEqualTo(LoadOutcome.LOADED);
        assertThat(Files.readString(Path.of(kept + ".stdin"))).isEqualTo(PROFILE + "# unsaved edit\n");
        assertThat(Files.readString(Path.of(kept + ".cwd")).strip()).isEqualTo(work.toRealPath().toString());
        assertThat(Files.readAllLines(Path.of(kept + ".args"))).containsExactly("-r", "-K");
        assertThat(result.loadedModes()).containsExactly(Map.entry("abtest", "enforce"), Map.entry("abtest//helper", "enforce"));
        assertThat(result.message()).isEqualTo("Loaded abtest (enforce), abtest//helper (enforce) as root.");
    }

    @Test
    void aProfileTheKernelDoesNotListAfterwardsIsNamed() throws IOException {
        readyAsRoot();
        layout.write("/sys/kernel/security/apparmor/profiles", "abtest (complain)\n");
        layout.script("/usr/sbin/apparmor_parser", "cat > /dev/null\n");
        LoadResult result = loader().run(file, PROFILE, ParserRequest.REPLACE_IN_COMPLAIN_MODE);
        assertThat(result.outcome()).isEqualTo(LoadOutcome.LOADED);
        assertThat(result.message()).isEqualTo("Loaded abtest (complain) as root. The kernel does not list abtest//helper.");
    }

    @Test
    void notRootWithPkexecAndTheHelperUsesTheHelperWithTheDirectory() throws IOException {
        layout.appArmorEnabled("").effectiveUid(1000).realParser();
        Path pkexec = layout.script("/usr/bin/pkexec", "exit 126\n");
        Path helper = layout.script(AppArmorHost.ROOT_HELPER.toString(), "exit 0\n");

        ParserCommand command = loader().plan(file, PROFILE, ParserRequest.REPLACE_IN_COMPLAIN_MODE).command().orElseThrow();

        assertThat(command.route()).isEqualTo(PrivilegeRoute.ROOT_HELPER);
        assertThat(command.arguments()).containsExactly(pkexec.toString(), helper.toString(), "replace-complain",
                "--directory", work.toAbsolutePath().toString());
        assertThat(command.workingDirectory()).isEmpty();
    }

    @Test
    void notRootWithPkexecOnlyRunsTheParserThroughPkexec() throws IOException {
        layout.appArmorEnabled("").effectiveUid(1000).realParser();
        Path pkexec = layout.script("/usr/bin/pkexec", "exit 126\n");
        ParserCommand command = loader().plan(file, PROFILE, ParserRequest.REPLACE).command().orElseThrow();
        assertThat(command.route()).isEqualTo(PrivilegeRoute.PKEXEC);
        assertThat(command.arguments()).containsExactly(pkexec.toString(),
                layout.path("/usr/sbin/apparmor_parser").toString(), "-r", "-K");
    }

    @Test
    void aDismissedPolkitPromptIsSaidSo() throws IOException {
        layout.appArmorEnabled("").effectiveUid(1000).realParser();
        // pkexec(1): "If the authorization could not be obtained because the user dismissed the
        // authentication dialog, pkexec exits with a return value of 126."
        layout.script("/usr/bin/pkexec", "cat > /dev/null\nexit 126\n");
        LoadResult result = loader().load(file, PROFILE);
        assertThat(result.outcome()).isEqualTo(LoadOutcome.AUTHENTICATION_DISMISSED);
        assertThat(result.message()).contains("dismissed").contains("nothing was loaded");
        assertThat(result.command()).isPresent();
    }

    @Test
    void polkitRefusingOrHavingNoAgentIsNotAuthorized() throws IOException {
        layout.appArmorEnabled("").effectiveUid(1000).realParser();
        layout.script("/usr/bin/pkexec", "echo 'Error executing command as another user: Not authorized' >&2\nexit 127\n");
        LoadResult refused = loader().load(file, PROFILE);
        assertThat(refused.outcome()).isEqualTo(LoadOutcome.NOT_AUTHORIZED);
        assertThat(refused.message()).contains("polkit did not authorise it (Error executing command as another user: "
                + "Not authorized)");

        layout.script("/usr/bin/pkexec", "echo 'Error executing command as another user: No authentication agent found.' >&2\n"
                + "exit 127\n");
        LoadResult noAgent = loader().load(file, PROFILE);
        assertThat(noAgent.outcome()).isEqualTo(LoadOutcome.NOT_AUTHORIZED);
        assertThat(noAgent.message()).contains("no polkit authentication agent").contains("sudo armorbench load");
    }

    @Test
    void theRealRootHelperRunsTheRealParserThroughPkexec() throws IOException {
        Requirements.require(Files.isExecutable(Path.of("/usr/sbin/apparmor_parser")),
                "apparmor_parser (Debian package apparmor)");
        Requirements.require("root".equals(System.getProperty("user.name")),
                "running the tests as root: the root helper refuses every other user");
        assumeTrue(!Files.isDirectory(Path.of("/sys/kernel/security/apparmor")),
                "this machine has AppArmor's securityfs, so the parser would really load");
        layout.appArmorEnabled("").effectiveUid(1000).realParser();
        // pkexec once authorised runs the program as root; the tests already are root.
        layout.script("/usr/bin/pkexec", "exec \"$@\"\n");
        Files.createDirectories(layout.path(AppArmorHost.ROOT_HELPER.toString()).getParent());
        Files.copy(Path.of("installers/linux/armorbench-load-profile"), layout.path(AppArmorHost.ROOT_HELPER.toString()));

        LoadResult result = loader().load(file, PROFILE);

        assertThat(result.command().orElseThrow().route()).isEqualTo(PrivilegeRoute.ROOT_HELPER);
        assertThat(result.outcome()).isEqualTo(LoadOutcome.PARSER_ERROR);
        assertThat(result.commandOutput()).contains("unable to find a suitable fs");
    }

    @Test
    void theRootHelperRefusingItsArgumentsIsHelperRefused() throws IOException {
        Requirements.require("root".equals(System.getProperty("user.name")),
                "running the tests as root: the root helper refuses every other user");
        layout.appArmorEnabled("").effectiveUid(1000).realParser();
        // An app and helper that do not match: the helper gets an argument it does not know.
        layout.script("/usr/bin/pkexec", "exec \"$@\" --verbose\n");
        Files.createDirectories(layout.path(AppArmorHost.ROOT_HELPER.toString()).getParent());
        Files.copy(Path.of("installers/linux/armorbench-load-profile"), layout.path(AppArmorHost.ROOT_HELPER.toString()));

        LoadResult result = loader().load(file, PROFILE);

        assertThat(result.outcome()).isEqualTo(LoadOutcome.HELPER_REFUSED);
        assertThat(result.message()).contains("refused the request (armorbench-load-profile: unexpected arguments after "
                + "'replace')").contains("reinstall ArmorBench");
    }

    @Test
    void aHelperThatFindsNoParserSaysWhatToInstall() throws IOException {
        layout.appArmorEnabled("").effectiveUid(1000).realParser();
        layout.script("/usr/bin/pkexec", "exec \"$@\"\n");
        // The helper's own words and status when neither /usr/sbin nor /sbin has the parser.
        layout.script(AppArmorHost.ROOT_HELPER.toString(), "cat > /dev/null\n"
                + "echo \"armorbench-load-profile: apparmor_parser is not installed (package 'apparmor')\" >&2\nexit 69\n");
        LoadResult result = loader().load(file, PROFILE);
        assertThat(result.outcome()).isEqualTo(LoadOutcome.PARSER_MISSING);
        assertThat(result.message()).contains("install the package 'apparmor'").contains("/usr/sbin and /sbin");
    }

    @Test
    void passwordLessSudoIsUsedWhenSudoersAllowsTheParser() throws IOException {
        layout.appArmorEnabled("").effectiveUid(1000).realParser();
        // sudo(8): "-n: if a password is required for the command to run, sudo will display an error
        // message and exit"; "-l COMMAND" exits 0 when the command is allowed.
        Path sudo = layout.script("/usr/bin/sudo", "if [ \"$2\" = -l ]; then exit 0; fi\n"
                + "echo 'sudo: a password is required' >&2\nexit 1\n");
        ProfileLoader loader = loader();

        ParserCommand command = loader.plan(file, PROFILE, ParserRequest.REPLACE).command().orElseThrow();
        assertThat(command.route()).isEqualTo(PrivilegeRoute.SUDO);
        assertThat(command.arguments()).containsExactly(sudo.toString(), "-n",
                layout.path("/usr/sbin/apparmor_parser").toString(), "-r", "-K");
        assertThat(commandsRun).containsExactly(List.of(sudo.toString(), "-n", "-l",
                layout.path("/usr/sbin/apparmor_parser").toString(), "-r", "-K"));

        LoadResult result = loader.load(file, PROFILE);
        assertThat(result.outcome()).isEqualTo(LoadOutcome.NOT_AUTHORIZED);
        assertThat(result.message()).contains("sudo asks for a password");
    }

    @Test
    void withoutRootPkexecOrSudoThereIsNoRouteAndTheFixesAreNamed() throws IOException {
        layout.appArmorEnabled("").effectiveUid(1000).realParser();
        layout.script("/usr/bin/sudo", "exit 1\n");
        LoadResult result = loader().load(file, PROFILE);
        assertThat(result.outcome()).isEqualTo(LoadOutcome.NO_PRIVILEGE_ROUTE);
        assertThat(result.message()).contains("needs root").contains("pkexec").contains("sudo armorbench load PROFILE");
        assertThat(result.profileNames()).containsExactly("abtest", "abtest//helper");
    }

    @Test
    void aParserThatNeverEndsIsStoppedAndReported() throws IOException {
        readyAsRoot();
        layout.script("/usr/sbin/apparmor_parser", "cat > /dev/null\nexec sleep 60\n");
        ProcessCommandRunner real = new ProcessCommandRunner();
        CommandRunner quick = (arguments, directory, stdin, timeout) ->
                real.run(arguments, directory, stdin, Duration.ofMillis(500));
        LoadResult result = new ProfileLoader(layout.host(), quick, List.of()).load(file, PROFILE);
        assertThat(result.outcome()).isEqualTo(LoadOutcome.COMMAND_FAILED);
        assertThat(result.message()).contains("did not finish within 0 s and was stopped");
    }

    @Test
    void removingReadsTheListBackToo() throws IOException {
        readyAsRoot();
        layout.script("/usr/sbin/apparmor_parser", "cat > /dev/null\n");
        LoadResult result = loader().run(file, PROFILE, ParserRequest.REMOVE);
        assertThat(result.outcome()).isEqualTo(LoadOutcome.REMOVED);
        assertThat(result.message()).isEqualTo("Removed abtest, abtest//helper as root.");
        assertThat(result.command().map(ParserCommand::arguments).orElseThrow()).endsWith("-R", "-K");
        assertThat(Optional.of(result.loadedModes())).contains(Map.of());
    }
}
