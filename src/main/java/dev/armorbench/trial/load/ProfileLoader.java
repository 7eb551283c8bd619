package dev.armorbench.trial.load;

import dev.armorbench.files.ReadProblem;
import dev.armorbench.files.TextBytes;
import dev.armorbench.suggest.NetworkRuleForm;
import dev.armorbench.policy.check.Diagnostic;
import dev.armorbench.policy.check.LintResult;
import dev.armorbench.policy.check.PolicyReader;
import dev.armorbench.policy.check.PolicySources;
import dev.armorbench.policy.check.Severity;
import dev.armorbench.policy.check.SourceFile;
import dev.armorbench.policy.model.Profile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Loads a profile into the kernel the way the issue asks: check the host, lint, then
 * {@code apparmor_parser -r -K} fed the profile text on standard input, as root only for that step
 * (see {@link PrivilegeRoute}), and read the kernel's list back. Every way it can fail is a
 * {@link LoadResult} with a message that names the fix; nothing here throws for a user's problem.
 *
 * <pre>{@code
 * LoadResult result = ProfileLoader.forThisMachine().load(file, editorText);
 * if (!result.succeeded()) show(result.message());
 * }</pre>
 */
public final class ProfileLoader {
    /** The parser itself takes about 1.5 s on an emulated 2-core guest; a large policy more. */
    private static final Duration PARSER_TIMEOUT = Duration.ofMinutes(2);
    /** A polkit prompt waits for the user. */
    private static final Duration PROMPT_TIMEOUT = Duration.ofMinutes(10);
    /** pkexec's exit code when the user dismissed the authentication dialog. */
    private static final int PKEXEC_DISMISSED = 126;
    /** pkexec's exit code when it was not authorised or could not ask. */
    private static final int PKEXEC_REFUSED = 127;
    /** The root helper's exit code when it refuses its arguments (sysexits EX_USAGE). */
    static final int HELPER_USAGE = 64;
    /** The root helper's exit code when it finds no apparmor_parser (sysexits EX_UNAVAILABLE). */
    static final int HELPER_NO_PARSER = 69;

    private final AppArmorHost host;
    private final CommandRunner runner;
    private final List<Path> includeSearchPath;
    private NetworkRuleForm networkRules;

    public ProfileLoader(AppArmorHost host, CommandRunner runner, List<Path> includeSearchPath) {
        this.host = host;
        this.runner = runner;
        this.includeSearchPath = List.copyOf(includeSearchPath);
    }

    /** Which network rules this loader's parser reads (asked once, by compiling a probe). */
    public NetworkRuleForm networkRuleForm() {
        if (networkRules == null) {
            networkRules = InstalledParser.networkRuleForm(host, runner);
        }
        return networkRules;
    }

    /** This machine, real processes, includes from /etc/apparmor.d (where the parser looks). */
    public static ProfileLoader forThisMachine() {
        return new ProfileLoader(AppArmorHost.system(), new ProcessCommandRunner(), List.of(Path.of("/etc/apparmor.d")));
    }

    public AppArmorHost host() {
        return host;
    }

    /** Loads the saved file. */
    public LoadResult load(Path file) {
        return run(file, null, ParserRequest.REPLACE);
    }

    /** Loads {@code text} (e.g. the editor's, saved or not) as the contents of {@code file}. */
    public LoadResult load(Path file, String text) {
        return run(file, text, ParserRequest.REPLACE);
    }

    /** Loads with the profiles' own modes ({@code REPLACE}) or all in complain mode; or removes them. */
    public LoadResult run(Path file, String text, ParserRequest request) {
        Preparation preparation = prepare(file, text, request);
        if (preparation.refusal() != null) {
            return preparation.refusal();
        }
        ParserCommand command = preparation.command();
        Duration timeout = command.route() == PrivilegeRoute.AS_ROOT || command.route() == PrivilegeRoute.SUDO
                ? PARSER_TIMEOUT : PROMPT_TIMEOUT;
        CommandOutput output;
        try {
            output = runner.run(command.arguments(), command.workingDirectory(),
                    preparation.text().getBytes(StandardCharsets.UTF_8), timeout);
        } catch (IOException e) {
            return finished(LoadOutcome.COMMAND_FAILED, "Cannot run " + command.arguments().get(0) + ": "
                    + e.getMessage(), command, preparation.names(), preparation.lint(), Optional.empty(), "");
        } catch (CommandRunner.CommandTimedOutException e) {
            return finished(LoadOutcome.COMMAND_FAILED, "The load " + e.getMessage() + "; nothing may have been loaded.",
                    command, preparation.names(), preparation.lint(), Optional.empty(), "");
        }
        return interpret(request, command, output, preparation.names(), preparation.lint());
    }

    /**
     * Everything but running the command: the host checks, the lint, and the command that would run
     * ({@link LoadOutcome#READY}), so it can be shown before polkit asks.
     */
    public LoadResult plan(Path file, String text, ParserRequest request) {
        Preparation preparation = prepare(file, text, request);
        if (preparation.refusal() != null) {
            return preparation.refusal();
        }
        return new LoadResult(LoadOutcome.READY, "Ready: " + preparation.command().route().description() + " ArmorBench "
                + "would run " + preparation.command().describe(), Optional.of(preparation.command()),
                preparation.names(), host.loadedProfiles(), preparation.lint().diagnostics(), Optional.empty(), "");
    }

    /** Either a refusal, or the command with what it needs. */
    private record Preparation(LoadResult refusal, ParserCommand command, List<String> names, LintResult lint,
            String text) {
        static Preparation refused(LoadResult refusal) {
            return new Preparation(refusal, null, List.of(), null, null);
        }
    }

    private Preparation prepare(Path file, String text, ParserRequest request) {
        Optional<String> disabled = host.appArmorProblem();
        if (disabled.isPresent()) {
            return Preparation.refused(LoadResult.refused(LoadOutcome.APPARMOR_NOT_ENABLED, disabled.get(), List.of()));
        }
        Optional<Path> parser = host.parser();
        if (parser.isEmpty()) {
            return Preparation.refused(LoadResult.refused(LoadOutcome.PARSER_MISSING, AppArmorHost.parserMissing(),
                    List.of()));
        }
        Path absolute = file.toAbsolutePath().normalize();
        if (text == null) {
            try {
                text = TextBytes.readText(absolute);
            } catch (IOException e) {
                return Preparation.refused(LoadResult.refused(LoadOutcome.UNREADABLE,
                        ReadProblem.sentence(file, e), List.of()));
            }
        }
        Optional<Path> directory = Optional.ofNullable(absolute.getParent());
        LintResult lint = PolicyReader.lint(new SourceFile(absolute, text),
                new PolicySources(includeSearchPath, directory.orElse(Path.of(""))));
        List<String> names = profileNames(lint.policy().profiles());
        if (lint.hasErrors()) {
            List<Diagnostic> errors = lint.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList();
            Diagnostic first = errors.get(0);
            return Preparation.refused(new LoadResult(LoadOutcome.LINT_ERRORS, errors.size()
                    + (errors.size() == 1 ? " error" : " errors") + " in the profile; nothing was loaded. Fix "
                    + (errors.size() == 1 ? "it" : "them") + " first — " + first.source().path().getFileName() + " line "
                    + first.line() + ": " + first.message(), Optional.empty(), names,
                    LoadedProfiles.unknown("nothing was run"), lint.diagnostics(), Optional.empty(), ""));
        }
        if (names.isEmpty()) {
            return Preparation.refused(new LoadResult(LoadOutcome.LINT_ERRORS, "The file defines no profile, so there "
                    + "is nothing to load.", Optional.empty(), names, LoadedProfiles.unknown("nothing was run"),
                    lint.diagnostics(), Optional.empty(), ""));
        }
        RootAccess access = new RootAccess(host, runner);
        Optional<PrivilegeRoute> route = access.choose(parser.get());
        if (route.isEmpty()) {
            return Preparation.refused(LoadResult.refused(LoadOutcome.NO_PRIVILEGE_ROUTE, RootAccess.noRoute(), names));
        }
        return new Preparation(null, access.command(route.get(), parser.get(), request, directory), names, lint, text);
    }

    private LoadResult interpret(ParserRequest request, ParserCommand command, CommandOutput output, List<String> names,
            LintResult lint) {
        String printed = (output.stderr() + output.stdout()).strip();
        PrivilegeRoute route = command.route();
        boolean viaPkexec = route == PrivilegeRoute.ROOT_HELPER || route == PrivilegeRoute.PKEXEC;
        if (output.exitCode() == 0) {
            LoadedProfiles kernel = host.loadedProfiles();
            if (!kernel.known() && route == PrivilegeRoute.ROOT_HELPER && !output.stdout().isBlank()) {
                // The helper prints the kernel's list after a load, since only root may read it.
                kernel = LoadedProfiles.parse(output.stdout());
            }
            LoadOutcome outcome = request == ParserRequest.REMOVE ? LoadOutcome.REMOVED : LoadOutcome.LOADED;
            return new LoadResult(outcome, successMessage(outcome, route, names, kernel), Optional.of(command), names,
                    kernel, lint.diagnostics(), Optional.empty(), printed);
        }
        if (viaPkexec && output.exitCode() == PKEXEC_DISMISSED) {
            return finished(LoadOutcome.AUTHENTICATION_DISMISSED, "The authentication was dismissed, so nothing was "
                    + "loaded. Load again and enter an administrator's password when polkit asks.", command, names, lint,
                    Optional.empty(), printed);
        }
        if (viaPkexec && output.exitCode() == PKEXEC_REFUSED && !printed.contains("AppArmor parser error")) {
            String why = printed.contains("No authentication agent")
                    ? "no polkit authentication agent is running to ask for the password (start ArmorBench from a "
                            + "desktop session, or run the load as root: sudo armorbench load PROFILE)"
                    : "polkit did not authorise it (" + firstLine(printed) + "); an administrator's password is needed";
            return finished(LoadOutcome.NOT_AUTHORIZED, "Not loaded: " + why + ".", command, names, lint,
                    Optional.empty(), printed);
        }
        if (route == PrivilegeRoute.ROOT_HELPER && output.exitCode() == HELPER_USAGE) {
            return finished(LoadOutcome.HELPER_REFUSED, "The root helper " + AppArmorHost.ROOT_HELPER + " refused the "
                    + "request (" + firstLine(printed) + "); reinstall ArmorBench so that the helper and the app match.",
                    command, names, lint, Optional.empty(), printed);
        }
        if (route == PrivilegeRoute.ROOT_HELPER && output.exitCode() == HELPER_NO_PARSER) {
            return finished(LoadOutcome.PARSER_MISSING, AppArmorHost.parserMissing() + " (The root helper looks in "
                    + "/usr/sbin and /sbin.)", command, names, lint, Optional.empty(), printed);
        }
        if (route == PrivilegeRoute.SUDO && printed.contains("password is required")) {
            return finished(LoadOutcome.NOT_AUTHORIZED, "Not loaded: sudo asks for a password now. Run the load as "
                    + "root instead: sudo armorbench load PROFILE.", command, names, lint, Optional.empty(), printed);
        }
        Optional<ParserError> error = ParserError.find(output.stderr());
        String what = request == ParserRequest.REMOVE ? "remove" : "load";
        String message = error.map(e -> "apparmor_parser refused to " + what + " the profile: " + e.describe()
                        + (e.message().startsWith("Could not open") && route == PrivilegeRoute.PKEXEC
                                ? " (through pkexec a relative include \"…\" is not found: install ArmorBench's root "
                                        + "helper, or include by absolute path or <…>)" : ""))
                .orElse("apparmor_parser failed (exit code " + output.exitCode() + ") without saying why.");
        if (output.stderr().contains("unable to find a suitable fs")) {
            message += " The parser finds no securityfs in /proc/mounts: AppArmor is not usable here (mount securityfs, "
                    + "or load on a host whose kernel has AppArmor enabled).";
        }
        if (error.isPresent() && error.get().message().contains("ermission denied")) {
            message += " Loading needs root with the capability CAP_MAC_ADMIN, outside any container's confinement.";
        }
        if (error.isPresent()) {
            // A syntax error, an invalid flag, an unknown variable or abi, unsupported mount options…
            message += refusedAppArmor4Syntax(lint, error.get());
        }
        return finished(LoadOutcome.PARSER_ERROR, message, command, names, lint, error, printed);
    }

    /**
     * Why an AppArmor 3 parser stops at what the language has (a network rule with permissions or
     * addresses, an {@link AppArmor4Feature}) on the line of its error, though the lint passed:
     * what it is, on which line, and what to write instead; empty for any other error.
     */
    private String refusedAppArmor4Syntax(LintResult lint, ParserError error) {
        for (Diagnostic refused : InstalledParserCheck.check(lint, this::networkRuleForm)) {
            int line = error.line().orElse(refused.line());
            if (refused.line() <= line && line <= refused.endLine()) {
                return " This apparmor_parser (AppArmor 3) does not read network permissions or addresses, as on line "
                        + refused.line() + ": " + InstalledParserCheck.familyAndTypeOf(refused) + " is what it reads (the"
                        + " editor's quick fix writes it).";
            }
        }
        for (Diagnostic refused : InstalledParserCheck.checkApparmor4Features(lint,
                feature -> InstalledParser.reads(feature, host, runner))) {
            int line = error.line().orElse(refused.line());
            Optional<AppArmor4Feature> feature = InstalledParserCheck.apparmor4FeatureOf(refused);
            if (feature.isPresent() && refused.line() <= line && line <= refused.endLine()) {
                boolean fixed = !InstalledParserCheck.apparmor4Fixes(refused.code(), refused.source().text(),
                        refused.start(), refused.end()).isEmpty();
                return " This apparmor_parser (AppArmor 3) does not read " + feature.get().shown() + ", as on line "
                        + refused.line() + ": " + feature.get().advice() + "."
                        + (fixed ? " The editor has a quick fix for it." : "");
            }
        }
        return "";
    }

    private LoadResult finished(LoadOutcome outcome, String message, ParserCommand command, List<String> names,
            LintResult lint, Optional<ParserError> error, String printed) {
        return new LoadResult(outcome, message, Optional.of(command), names, host.loadedProfiles(), lint.diagnostics(),
                error, printed);
    }

    private static String successMessage(LoadOutcome outcome, PrivilegeRoute route, List<String> names,
            LoadedProfiles kernel) {
        if (outcome == LoadOutcome.REMOVED) {
            List<String> left = names.stream().filter(kernel::isLoaded).toList();
            return "Removed " + String.join(", ", names) + " " + route.description() + "."
                    + (left.isEmpty() ? "" : " The kernel still lists " + String.join(", ", left) + ".");
        }
        if (!kernel.known()) {
            return "Loaded " + String.join(", ", names) + " " + route.description() + " (the mode cannot be read back: "
                    + kernel.whyUnknown() + ").";
        }
        String listed = names.stream().filter(kernel::isLoaded)
                .map(name -> name + " (" + kernel.mode(name).orElseThrow() + ")").collect(Collectors.joining(", "));
        List<String> missing = names.stream().filter(name -> !kernel.isLoaded(name)).toList();
        return "Loaded " + (listed.isEmpty() ? "nothing the kernel lists" : listed) + " " + route.description() + "."
                + (missing.isEmpty() ? "" : " The kernel does not list " + String.join(", ", missing) + ".");
    }

    private static String firstLine(String text) {
        String line = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("no message");
        return line.strip();
    }

    /** The names the kernel lists for a file's profiles: children and hats as {@code parent//child}. */
    static List<String> profileNames(List<Profile> profiles) {
        List<String> names = new ArrayList<>();
        for (Profile profile : profiles) {
            collect(profile, "", names);
        }
        return names;
    }

    private static void collect(Profile profile, String parent, List<String> names) {
        String name = parent.isEmpty() ? profile.name() : parent + "//" + profile.name();
        names.add(name);
        for (Profile child : profile.children()) {
            collect(child, name, names);
        }
    }
}
