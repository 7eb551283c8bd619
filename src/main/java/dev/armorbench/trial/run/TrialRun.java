package dev.armorbench.trial.run;

import dev.armorbench.audit.EventFilter;
import dev.armorbench.audit.EventStream;
import dev.armorbench.audit.LineSource;
import dev.armorbench.policy.check.Diagnostic;
import dev.armorbench.policy.check.LintResult;
import dev.armorbench.policy.check.PolicyReader;
import dev.armorbench.policy.check.Severity;
import dev.armorbench.policy.model.Profile;
import dev.armorbench.suggest.KnownProfiles;
import dev.armorbench.suggest.LearningLabels;
import dev.armorbench.suggest.Suggester;
import dev.armorbench.trial.ContainerExit;
import dev.armorbench.trial.DockerEngineException;
import dev.armorbench.trial.EngineProblem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One trial run: check the profile, load it, run the container under it, and watch what it does —
 * its output, the AppArmor events of its profile family since its start, and the rules those
 * events ask for, live — then remove the container. The desktop app's Run button and the
 * {@code trial} command both drive this.
 *
 * <p>{@link #run} blocks; {@link #start} runs it on a thread of its own. {@link #stop} may come
 * from any thread. One {@code TrialRun} runs once.
 */
public final class TrialRun {
    /**
     * Timings of a run.
     *
     * @param engineCalls how long a single call to the engine (create, start, remove) may take
     * @param longest how long the container may run before it is stopped
     * @param stopGrace SIGTERM to SIGKILL when stopping
     * @param quiet after the exit, the run ends once no event came for this long
     * @param collectAtMost … and at the latest this long after the exit
     */
    public record Settings(Duration engineCalls, Duration longest, Duration stopGrace, Duration quiet,
            Duration collectAtMost) {
        public static final Settings DEFAULT = new Settings(Duration.ofSeconds(60), Duration.ofMinutes(10),
                Duration.ofSeconds(5), Duration.ofMillis(1500), Duration.ofSeconds(10));

        public Settings withLongest(Duration newLongest) {
            return new Settings(engineCalls, newLongest, stopGrace, quiet, collectAtMost);
        }
    }

    private static final int EVENT_QUEUE = 65_536;
    /** How long the last of the output may trail the exit. */
    private static final Duration OUTPUT_END = Duration.ofSeconds(5);

    private final ProfileLoading loading;
    private final ContainerLauncher launcher;
    private final TrialEventSource events;
    private final Settings settings;
    private final AtomicReference<ContainerLauncher.Launched> running = new AtomicReference<>();
    private volatile boolean stopRequested;

    public TrialRun(ProfileLoading loading, ContainerLauncher launcher, TrialEventSource events, Settings settings) {
        this.loading = loading;
        this.launcher = launcher;
        this.events = events;
        this.settings = settings;
    }

    /** Runs on a daemon thread of its own; the future completes with the result (also given to the listener). */
    public CompletableFuture<TrialRunResult> start(TrialRequest request, TrialListener listener) {
        CompletableFuture<TrialRunResult> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(run(request, listener));
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }, "armorbench trial run");
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    /**
     * Asks the run to end: before the container starts, the run ends there; while it runs, the
     * container is stopped (SIGTERM, then SIGKILL after the grace period) on a thread of its own,
     * so the caller — a UI thread — never waits for the engine.
     */
    public void stop() {
        stopRequested = true;
        ContainerLauncher.Launched container = running.get();
        if (container != null) {
            Thread stopper = new Thread(() -> {
                try {
                    container.stop(settings.stopGrace(), settings.engineCalls());
                } catch (DockerEngineException e) {
                    // The run's own wait for the exit reports what the engine did.
                }
            }, "armorbench trial stop");
            stopper.setDaemon(true);
            stopper.start();
        }
    }

    /** Runs the trial to its end; never throws for what a user can meet (it is in the result). */
    public TrialRunResult run(TrialRequest request, TrialListener listener) {
        long started = System.nanoTime();
        listener.phase(TrialPhase.LINTING);
        LintResult lint = PolicyReader.lint(request.profile(), request.sources());
        String profileName = request.profileName() != null ? request.profileName() : firstTopLevel(lint);
        if (lint.hasErrors()) {
            return finish(listener, TrialRunResult.refused(TrialOutcome.LINT_FAILED, profileName, since(started),
                    lintErrors(lint)));
        }
        if (profileName == null) {
            return finish(listener, TrialRunResult.refused(TrialOutcome.LINT_FAILED, null, since(started),
                    request.profile().path() + " defines no profile to run the container under: add one, e.g."
                            + " 'profile my-container flags=(complain) { … }'."));
        }
        if (stopRequested) {
            return finish(listener, TrialRunResult.refused(TrialOutcome.STOPPED, profileName, since(started),
                    "Stopped before the profile was loaded."));
        }
        listener.phase(TrialPhase.LOADING);
        ProfileLoading.LoadReport load = loading.load(request.profile());
        if (!load.loaded()) {
            return finish(listener, TrialRunResult.refused(TrialOutcome.LOAD_FAILED, profileName, since(started),
                    load.message()));
        }
        listener.profileLoaded(load.message());
        if (stopRequested) {
            return finish(listener, TrialRunResult.refused(TrialOutcome.STOPPED, profileName, since(started),
                    "Stopped after the profile was loaded, before the container started."));
        }
        listener.phase(TrialPhase.STARTING);
        List<LineSource> sources;
        try {
            sources = events.open();
        } catch (TrialEventSource.NoSource e) {
            return finish(listener, TrialRunResult.refused(TrialOutcome.NO_EVENT_SOURCE, profileName, since(started),
                    e.getMessage() + "\nA trial run needs AppArmor's events to learn from."));
        }
        // Events from the moment before the start: older ones belong to earlier runs.
        Instant containerStart = Instant.now();
        EventStream stream = EventStream.start(sources, EventFilter.profileFamily(profileName).since(containerStart),
                EVENT_QUEUE);
        Suggester suggester = new Suggester(new KnownProfiles(List.of(lint)), LearningLabels.TO_EXECUTING_PROFILE,
                request.abstractions(), loading.networkRules());
        RunEvents runEvents = new RunEvents(stream, suggester, listener);
        runEvents.start();
        // The output's end says nothing the exit does not: how the run ended is what awaitExit
        // reports, with the engine's own exit code.
        OutputLines output = new OutputLines(listener::output, problem -> { });
        ContainerLauncher.Launched container;
        try {
            container = launcher.launch(request.configuration(), profileName, output, settings.engineCalls());
        } catch (DockerEngineException e) {
            abandon(runEvents);
            return finish(listener, TrialRunResult.refused(TrialOutcome.CONTAINER_FAILED, profileName, since(started),
                    e.problem().message()));
        }
        running.set(container);
        if (stopRequested) {
            stop();
        }
        listener.phase(TrialPhase.RUNNING);
        TrialOutcome outcome;
        long exitCode = -1;
        String message;
        try {
            ContainerExit exit = container.awaitExit(settings.longest());
            exitCode = exit.exitCode();
            outcome = stopRequested ? TrialOutcome.STOPPED : TrialOutcome.EXITED;
            message = stopRequested ? "Stopped; the container ended with exit code " + exitCode + "."
                    : "The container exited with code " + exitCode + (exit.oomKilled() ? " (killed: out of memory)" : "")
                            + ".";
        } catch (DockerEngineException e) {
            if (e.problem().kind() == EngineProblem.Kind.TIMED_OUT && !Thread.currentThread().isInterrupted()) {
                outcome = TrialOutcome.TIMED_OUT;
                message = "The container still ran after " + settings.longest().toSeconds()
                        + " s and was stopped. Give it longer, or make its command end by itself.";
                try {
                    container.stop(settings.stopGrace(), settings.engineCalls());
                } catch (DockerEngineException stopFailure) {
                    message += " Stopping it failed too: " + stopFailure.problem().message();
                }
            } else {
                outcome = TrialOutcome.CONTAINER_FAILED;
                message = e.problem().message();
            }
        }
        try {
            output.awaitEnd(OUTPUT_END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        output.flush();
        listener.phase(TrialPhase.COLLECTING);
        try {
            runEvents.finish(settings.quiet(), settings.collectAtMost());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        listener.phase(TrialPhase.CLEANING_UP);
        try {
            container.remove(settings.engineCalls());
        } catch (DockerEngineException e) {
            if (e.problem().kind() != EngineProblem.Kind.MISSING_CONTAINER) {
                message += " Removing the container failed: " + e.problem().message();
            }
        }
        running.set(null);
        for (String failure : runEvents.failures()) {
            message += " Reading AppArmor's events stopped with an error (" + failure + "): the run's events may be"
                    + " incomplete.";
        }
        if (runEvents.lost() > 0) {
            message += " " + runEvents.lost() + " events were dropped because they came faster than they could be read.";
        }
        if (runEvents.ruleless().total() > 0) {
            message += " " + runEvents.ruleless().note();
        }
        return finish(listener, new TrialRunResult(outcome, profileName, exitCode, since(started), runEvents.byKind(),
                runEvents.distinct(), runEvents.suggestions(), message, runEvents.lost()));
    }

    private static void abandon(RunEvents runEvents) {
        try {
            runEvents.abandon();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static TrialRunResult finish(TrialListener listener, TrialRunResult result) {
        listener.phase(TrialPhase.FINISHED);
        listener.finished(result);
        return result;
    }

    /** The name of the file's first top-level profile (not a hat), or null. */
    static String firstTopLevel(LintResult lint) {
        if (lint.policy() == null) {
            return null;
        }
        for (Profile profile : lint.policy().profiles()) {
            if (!profile.hat()) {
                return profile.name();
            }
        }
        return null;
    }

    private static String lintErrors(LintResult lint) {
        List<String> lines = new ArrayList<>();
        for (Diagnostic d : lint.diagnostics()) {
            if (d.severity() == Severity.ERROR) {
                lines.add(d.source().path() + ":" + d.line() + ":" + d.column() + ": " + d.message());
            }
        }
        return "The profile has " + lines.size() + (lines.size() == 1 ? " error" : " errors")
                + "; fix " + (lines.size() == 1 ? "it" : "them") + " before a trial run:\n  " + String.join("\n  ", lines);
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
