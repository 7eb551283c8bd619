package dev.armorbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.armorbench.audit.AuditEvent;
import dev.armorbench.container.ModeSwitch;
import dev.armorbench.container.ProfileMode;
import dev.armorbench.files.AtomicFileWriter;
import dev.armorbench.files.ReadProblem;
import dev.armorbench.files.TextBytes;
import dev.armorbench.policy.check.Diagnostic;
import dev.armorbench.policy.check.LintResult;
import dev.armorbench.policy.check.PolicyReader;
import dev.armorbench.policy.check.PolicySources;
import dev.armorbench.policy.check.SourceFile;
import dev.armorbench.suggest.AbstractionOffers;
import dev.armorbench.suggest.EditPlan;
import dev.armorbench.suggest.ProfileEdits;
import dev.armorbench.suggest.Suggestion;
import dev.armorbench.trial.DockerEndpoint;
import dev.armorbench.trial.DockerEngine;
import dev.armorbench.trial.DockerEngineException;
import dev.armorbench.trial.OutputChannel;
import dev.armorbench.trial.RunConfiguration;
import dev.armorbench.trial.load.AppArmorHost;
import dev.armorbench.trial.load.ProcessCommandRunner;
import dev.armorbench.trial.load.ProfileLoader;
import dev.armorbench.trial.loop.Iteration;
import dev.armorbench.trial.loop.LoopDefaults;
import dev.armorbench.trial.loop.OfferedRule;
import dev.armorbench.trial.loop.SessionStore;
import dev.armorbench.trial.loop.TrialLoop;
import dev.armorbench.trial.loop.TrialSession;
import dev.armorbench.trial.run.CapabilityBounds;
import dev.armorbench.trial.run.ContainerLauncher;
import dev.armorbench.trial.run.ProfileLoading;
import dev.armorbench.trial.run.TrialEventSource;
import dev.armorbench.trial.run.TrialListener;
import dev.armorbench.trial.run.TrialOutcome;
import dev.armorbench.trial.run.TrialPhase;
import dev.armorbench.trial.run.TrialRequest;
import dev.armorbench.trial.run.TrialRun;
import dev.armorbench.trial.run.TrialRunResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code armorbench trial}: runs a container under its profile, learns from the events, and tightens to enforce mode. */
@Command(
        name = "trial",
        mixinStandardHelpOptions = true,
        description = {
            "Lint and load the profile, run the image's container under it, collect the AppArmor events of the "
                    + "profile's family since the start, and print the rules they ask for.",
            "--apply writes the suggested rules (the default of each) and the runs' mode into the profile file "
                    + "(atomically; the first write keeps the original as FILE.bak). --until-stable repeats complain "
                    + "runs until --stable-runs of them in a row show no new event, then runs once in enforce mode.",
            "Complain runs keep Docker's default capabilities, so that AppArmor sees (and logs) the ones used; "
                    + "enforce runs get --cap-drop ALL plus what the profiles allow and --cap-add.",
            "The loop's session is kept under $XDG_STATE_HOME/armorbench/trial-sessions/ and resumed by the next "
                    + "trial of the same file.",
            "",
            "Exit status: 0 the final run met its goal (enforce: the expected exit code and no DENIED event; "
                    + "complain: the expected exit code); 1 it did not, or a run could not happen; 2 usage error."
        })
public final class TrialCommand implements Callable<Integer> {
    enum Format { text, json }

    @Option(names = "--profile", required = true, paramLabel = "FILE", description = "The profile file; its first top-level profile confines the container.")
    Path profile;

    @Option(names = "--image", required = true, paramLabel = "IMAGE", description = "The image to run.")
    String image;

    @Option(names = "--mode", paramLabel = "MODE", description = "complain or enforce, written into the profiles' flags"
            + " for the run (default: as the file says). Ignored with --until-stable.")
    String mode;

    @Option(names = "--apply", description = "Write the suggested rules (the default of each) into the profile file,"
            + " and the mode the runs used.")
    boolean apply;

    @Option(names = "--runs", paramLabel = "N", description = "How many runs (default 1); with --until-stable, the most"
            + " complain runs before giving up (default 10).")
    Integer runs;

    @Option(names = "--until-stable", description = "Complain runs until stable, then one enforce run.")
    boolean untilStable;

    @Option(names = "--stable-runs", paramLabel = "N", description = "Complain runs in a row without new events that"
            + " count as stable (default 2).")
    Integer stableRuns;

    @Option(names = "--expect-exit", paramLabel = "CODE", description = "The exit code of a working container (default 0).")
    Long expectedExit;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (a summary"
            + " of each run and the verdict on standard output; progress on standard error). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--network", paramLabel = "NAME", description = "The container's network (docker run --network).")
    String network;

    @Option(names = "--init", description = "Run docker-init as process 1 (docker run --init).")
    boolean init;

    @Option(names = "--user", paramLabel = "USER", description = "docker run --user.")
    String user;

    @Option(names = "--cap-add", paramLabel = "CAP", description = "A capability the container gets in every mode; repeatable.")
    List<String> capAdd = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600", description = "The longest a run's"
            + " container may run before it is stopped. Default: ${DEFAULT-VALUE}.")
    long timeoutSeconds;

    @Option(names = "-I", paramLabel = "DIR", description = "Include search path (repeatable; default /etc/apparmor.d).")
    List<Path> includeDirs = new ArrayList<>();

    @Option(names = "--include-rejected", description = "Offer suggestions rejected in earlier runs again.")
    boolean includeRejected;

    @Parameters(paramLabel = "COMMAND", description = "The command to run instead of the image's (after --).")
    List<String> command = new ArrayList<>();

    @Spec
    CommandSpec spec;

    /** Runs that never got a container going: repeating them would fail the same way. */
    private static final java.util.Set<TrialOutcome> NOT_RUN = java.util.EnumSet.of(TrialOutcome.LINT_FAILED,
            TrialOutcome.LOAD_FAILED, TrialOutcome.NO_EVENT_SOURCE, TrialOutcome.CONTAINER_FAILED);

    private PrintWriter progress;
    private boolean backupWritten;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        progress = format == Format.json ? err : out;
        ProfileMode forcedMode = null;
        if (mode != null) {
            switch (mode.toLowerCase(Locale.ROOT)) {
                case "complain" -> forcedMode = ProfileMode.COMPLAIN;
                case "enforce" -> forcedMode = ProfileMode.ENFORCE;
                default -> {
                    err.println("armorbench trial: --mode " + mode + ": use complain or enforce.");
                    return 2;
                }
            }
        }
        if (!Files.isRegularFile(profile)) {
            err.println("armorbench trial: " + profile + ": no such profile file; check the path.");
            return 1;
        }
        try {
            TextBytes.readUtf8(profile); // said now, not after the container's image is pulled
        } catch (IOException e) {
            err.println("armorbench trial: " + ReadProblem.cannotRead(profile, e));
            return 1;
        }
        String badIncludeDir = IncludeDirs.problem(includeDirs);
        if (badIncludeDir != null) {
            err.println("armorbench trial: " + badIncludeDir);
            return 2;
        }
        Path file = profile.toAbsolutePath().normalize();
        List<Path> searchPath = includeDirs.isEmpty() ? List.of(Path.of("/etc/apparmor.d")) : includeDirs;
        PolicySources sources = new PolicySources(searchPath, file.getParent());
        AbstractionOffers offers = includeDirs.isEmpty() ? null : AbstractionOffers.onSearchPath(includeDirs);

        RunConfiguration configuration = RunConfiguration.forImage(image).withCommand(command).withInit(init)
                .withNetwork(network).withUser(user).withCapabilities(capAdd);
        if (!configuration.problems().isEmpty()) {
            err.println("armorbench trial: " + String.join(" ", configuration.problems()));
            return 2;
        }
        SessionStore store = SessionStore.forEnvironment(System.getenv());
        SessionStore.Loaded loaded = store.load(file);
        loaded.warning().ifPresent(warning -> err.println("armorbench trial: " + warning));
        TrialSession session = loaded.session().orElse(TrialSession.start(file.toString(), configuration))
                .withConfiguration(configuration);
        if (stableRuns != null) {
            session = session.withStableRunsNeeded(stableRuns);
        }
        if (expectedExit != null) {
            session = session.withExpectedExitCode(expectedExit);
        }
        if (!session.iterations().isEmpty()) {
            progress.println("Resuming the trial session of " + file + " (" + session.iterations().size()
                    + " earlier runs) from " + store.fileFor(file) + ".");
        }
        TrialLoop loop = new TrialLoop(session);
        int firstRun = session.iterations().size();

        DockerEngine engine;
        try {
            engine = DockerEngine.connect(DockerEndpoint.resolve());
        } catch (DockerEngineException e) {
            err.println("armorbench trial: " + e.problem().message());
            return 1;
        }
        ProfileLoader loader = includeDirs.isEmpty() ? ProfileLoader.forThisMachine()
                : new ProfileLoader(AppArmorHost.system(), new ProcessCommandRunner(), includeDirs);
        int maxRuns = runs != null ? runs : untilStable ? 10 : 1;
        String failure = null;
        try (engine) {
            int complainRuns = 0;
            for (int run = 1; ; run++) {
                ProfileMode runMode = untilStable ? loop.nextMode()
                        : forcedMode != null ? forcedMode : ModeSwitch.modeOf(TextBytes.readUtf8(file));
                if (untilStable && runMode == ProfileMode.COMPLAIN && complainRuns >= maxRuns) {
                    failure = "Not stable after " + complainRuns + " complain runs: " + loop.verdict().reason();
                    break;
                }
                if (!untilStable && run > maxRuns) {
                    break;
                }
                String text = TextBytes.readUtf8(file);
                String runText = ModeSwitch.apply(text, runMode);
                if (apply && !runText.equals(text)) {
                    write(file, text, runText);
                }
                SourceFile source = new SourceFile(file, runText);
                LintResult lint = PolicyReader.lint(source, sources);
                RunConfiguration bounded = CapabilityBounds.forMode(configuration, lint, runMode);
                TrialRun trial = new TrialRun(ProfileLoading.through(loader), ContainerLauncher.docker(engine),
                        TrialEventSource.live(), TrialRun.Settings.DEFAULT.withLongest(Duration.ofSeconds(timeoutSeconds)));
                int number = firstRun + run;
                progress.println("run " + number + " (" + runMode.label() + "): " + image
                        + (command.isEmpty() ? "" : " " + String.join(" ", command)));
                progress.flush();
                Instant started = Instant.now();
                TrialRunResult result = trial.run(new TrialRequest(source, sources, bounded, null, offers), printer());
                List<Suggestion> offered = LoopDefaults.choose(loop.offered(result.suggestions(), includeRejected));
                loop.record(result, runMode, started, runText, offered);
                List<Suggestion> accepted = List.of();
                if (apply && !offered.isEmpty()) {
                    accepted = applySuggestions(file, runText, offered, sources, err);
                    if (accepted == null) {
                        failure = "The suggested rules would add errors to " + file + "; nothing was written.";
                        accepted = List.of();
                    }
                }
                loop.decide(accepted, List.of());
                Iteration iteration = loop.session().iterations().get(loop.session().iterations().size() - 1);
                report(iteration, result, offered, accepted);
                saveSession(store, loop, err);
                if (failure != null) {
                    break;
                }
                if (NOT_RUN.contains(result.outcome())) {
                    failure = result.message();
                    break;
                }
                if (runMode == ProfileMode.COMPLAIN) {
                    complainRuns++;
                }
                if (untilStable && runMode == ProfileMode.ENFORCE) {
                    break;
                }
            }
        }
        TrialLoop.Verdict verdict = loop.verdict();
        boolean met = failure == null && verdict.goalMet() && !loop.session().iterations().isEmpty()
                && (!untilStable || verdict.state() == TrialLoop.State.COMPLETE);
        String reason = failure != null ? failure : verdict.reason();
        if (format == Format.json) {
            printJson(out, file, loop, firstRun, verdict, met, reason, store);
        } else {
            out.println((met ? "goal met: " : "goal not met: ") + reason);
        }
        out.flush();
        return met ? 0 : 1;
    }

    /**
     * Writes the offered suggestions into the file. A suggestion whose rule would add an error is left
     * out (and said); returns those written, or null when even the rest together would add errors.
     */
    private List<Suggestion> applySuggestions(Path file, String runText, List<Suggestion> offered, PolicySources sources,
            PrintWriter err) throws IOException {
        SourceFile source = new SourceFile(file, runText);
        List<Suggestion> safe = new ArrayList<>();
        for (Suggestion suggestion : offered) {
            if (suggestion.isNewProfile() || !file.equals(suggestion.file())) {
                continue;
            }
            List<Diagnostic> errors = ProfileEdits.plan(source, List.of(suggestion)).newErrors(sources);
            if (errors.isEmpty()) {
                safe.add(suggestion);
            } else {
                err.println("armorbench trial: not applying '" + OfferedRule.of(suggestion) + "': it would add an error ("
                        + errors.get(0).message() + ")");
            }
        }
        if (safe.isEmpty()) {
            return List.of();
        }
        EditPlan plan = ProfileEdits.plan(source, safe);
        List<Diagnostic> errors = plan.newErrors(sources);
        if (!errors.isEmpty()) {
            for (Diagnostic d : errors) {
                err.println("armorbench trial: " + file + ":" + d.line() + ": the suggested rules would add an error ("
                        + d.message() + ")");
            }
            return null;
        }
        write(file, runText, plan.apply());
        List<Suggestion> written = new ArrayList<>();
        plan.hunks().forEach(hunk -> written.addAll(hunk.suggestions()));
        return written;
    }

    /** Writes the profile atomically; the first write of this command keeps the original as FILE.bak. */
    private void write(Path file, String before, String after) throws IOException {
        if (!backupWritten) {
            AtomicFileWriter.write(file.resolveSibling(file.getFileName() + ".bak"), before.getBytes(StandardCharsets.UTF_8));
            backupWritten = true;
        }
        AtomicFileWriter.write(file, after.getBytes(StandardCharsets.UTF_8));
    }

    private static void saveSession(SessionStore store, TrialLoop loop, PrintWriter err) {
        try {
            store.save(loop.session());
        } catch (IOException e) {
            err.println("armorbench trial: the session could not be saved in " + store.directory() + " ("
                    + e.getMessage() + "); the next trial starts afresh.");
        }
    }

    /** Prints the container's output and the phases as they come. */
    private TrialListener printer() {
        PrintWriter face = progress;
        return new TrialListener() {
            @Override
            public void phase(TrialPhase phase) {
                synchronized (face) {
                    face.println("  [" + phase.name().toLowerCase(Locale.ROOT).replace('_', ' ') + "]");
                    face.flush();
                }
            }

            @Override
            public void profileLoaded(String message) {
                synchronized (face) {
                    face.println("  " + message);
                    face.flush();
                }
            }

            @Override
            public void output(OutputChannel channel, String line) {
                synchronized (face) {
                    face.println("  " + (channel == OutputChannel.STDOUT ? "| " : "! ") + line);
                    face.flush();
                }
            }

            @Override
            public void event(AuditEvent event) {
                synchronized (face) {
                    face.println("  " + event.kind() + " " + event.profile() + " " + event.operation() + " "
                            + event.record().get("name"));
                    face.flush();
                }
            }
        };
    }

    private void report(Iteration iteration, TrialRunResult result, List<Suggestion> offered, List<Suggestion> accepted) {
        PrintWriter face = progress;
        face.println("run " + iteration.number() + " (" + iteration.mode() + "): " + result.message() + " "
                + String.format(Locale.ROOT, "%.1f s", result.duration().toMillis() / 1000.0) + "; events "
                + (iteration.eventsByKind().isEmpty() ? "none" : iteration.eventsByKind()) + ", " + iteration.newEvents()
                + " new; " + offered.size() + " suggestions" + (apply ? ", " + accepted.size() + " applied" : ""));
        for (Suggestion suggestion : offered) {
            face.println("  " + (accepted.contains(suggestion) ? "+ " : "? ") + OfferedRule.of(suggestion));
        }
        face.flush();
    }

    private void printJson(PrintWriter out, Path file, TrialLoop loop, int firstRun, TrialLoop.Verdict verdict,
            boolean met, String reason, SessionStore store) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("profile_file", file.toString());
        root.put("image", image);
        ArrayNode runsNode = root.putArray("runs");
        List<Iteration> iterations = loop.session().iterations();
        for (Iteration iteration : iterations.subList(firstRun, iterations.size())) {
            ObjectNode run = runsNode.addObject();
            run.put("run", iteration.number());
            run.put("mode", iteration.mode());
            run.put("outcome", iteration.outcome().toLowerCase(Locale.ROOT));
            run.put("exit_code", iteration.exitCode());
            run.put("duration_ms", iteration.durationMillis());
            ObjectNode events = run.putObject("events");
            iteration.eventsByKind().forEach(events::put);
            run.put("new_events", iteration.newEvents());
            ArrayNode suggestions = run.putArray("suggestions");
            for (OfferedRule rule : iteration.suggestions()) {
                ObjectNode s = suggestions.addObject();
                s.put("profile", rule.profile());
                s.put("rule", rule.rule());
                s.put("accepted", iteration.accepted().contains(rule));
            }
            run.put("message", iteration.message());
        }
        ObjectNode verdictNode = root.putObject("verdict");
        verdictNode.put("goal_met", met);
        verdictNode.put("state", verdict.state().name().toLowerCase(Locale.ROOT));
        verdictNode.put("stable_runs", loop.stableRuns());
        verdictNode.put("reason", reason);
        root.put("session_file", store.fileFor(file).toString());
        out.println(json.writeValueAsString(root));
    }
}
