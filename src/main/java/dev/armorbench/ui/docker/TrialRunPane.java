package dev.armorbench.ui.docker;

import dev.armorbench.audit.AuditEvent;
import dev.armorbench.audit.EventKind;
import dev.armorbench.suggest.Suggestion;
import dev.armorbench.trial.DockerEngine;
import dev.armorbench.trial.OutputChannel;
import dev.armorbench.trial.RunConfiguration;
import dev.armorbench.trial.TrialContainer;
import dev.armorbench.trial.run.ContainerLauncher;
import dev.armorbench.trial.run.TrialListener;
import dev.armorbench.trial.run.TrialOutcome;
import dev.armorbench.trial.run.TrialPhase;
import dev.armorbench.trial.run.TrialRequest;
import dev.armorbench.trial.run.TrialRun;
import dev.armorbench.trial.run.TrialRunResult;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A trial run of the current profile in the panel: the Run and Stop buttons, and while it runs the
 * container's output, the AppArmor events of its profile family, the suggestions they lead to, and the
 * container's processes with their AppArmor labels. The run itself is {@link TrialRun}'s (lint, load,
 * start, stream, stop, remove); this pane only starts it, shows what it reports, and asks the engine
 * for the processes while the container runs.
 */
final class TrialRunPane extends BorderPane {
    /** How often the confinement view asks for the container's processes. */
    static final javafx.util.Duration PROCESS_POLL = javafx.util.Duration.seconds(1);

    private final EngineConnection connection;
    private final RunConfigurationEditor configuration;
    private final TrialRuns trials;
    private final Consumer<RunRecord> onFinished;
    private final ProfileLoop loop;
    private final java.util.function.BooleanSupplier showRejected;
    private final Runnable onLoopChanged;
    private final OutputView output = new OutputView();
    private final EventsView events = new EventsView();
    private final SuggestionsView suggestions = new SuggestionsView();
    private final ConfinementView processes = new ConfinementView();
    private final Button runButton = new Button("Run", new FontIcon("mdi2p-play"));
    private final Button stopButton = new Button("Stop", new FontIcon("mdi2s-stop"));
    private final Label status = new Label("Not run yet");
    private final HBox controls;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final Timeline processPoll = new Timeline(new KeyFrame(PROCESS_POLL, event -> pollProcesses()));
    private Runnable onRunRequested = () -> { };
    private ProfileForTrial profileForTrial = () -> {
        throw new ProfileForTrial.NotReady("Open a profile to run.");
    };
    private TrialRun current;
    private java.util.concurrent.CompletableFuture<TrialRunResult> currentResult;
    private final AtomicReference<TrialContainer> container = new AtomicReference<>();
    private Instant startedAt;
    private String runningImage;
    private String loadedNote;
    private ProfileForTrial.SavedProfile runningProfile;
    private RunConfiguration runningConfiguration;
    private dev.armorbench.container.ProfileMode runningMode;
    private boolean polling;

    /**
     * @param loop          the profile's complain → enforce loop, which each finished run joins
     * @param showRejected  whether suggestions rejected earlier in the loop are offered again
     * @param onLoopChanged after a run joined the loop
     */
    TrialRunPane(EngineConnection connection, RunConfigurationEditor configuration, TrialRuns trials,
            Consumer<RunRecord> onFinished, ProfileLoop loop, java.util.function.BooleanSupplier showRejected,
            Runnable onLoopChanged) {
        this.connection = connection;
        this.configuration = configuration;
        this.trials = trials;
        this.onFinished = onFinished;
        this.loop = loop;
        this.showRejected = showRejected;
        this.onLoopChanged = onLoopChanged;
        getStyleClass().add("trial-run");
        runButton.setId("docker-run-button");
        runButton.getStyleClass().add("accent");
        runButton.setTooltip(new Tooltip("Check, save and load the profile, then run the container under it (Ctrl+R)"));
        runButton.setOnAction(event -> runTrial());
        stopButton.setId("docker-stop-button");
        stopButton.setTooltip(new Tooltip("Stop the container (SIGTERM, then SIGKILL)"));
        stopButton.setOnAction(event -> stopTrial());
        stopButton.disableProperty().bind(running.not());
        runButton.disableProperty().bind(running);
        status.setId("docker-run-status");
        status.getStyleClass().add("run-status");
        // The status (with the loaded profiles and their modes) gives way to the buttons, never they to it;
        // its whole text is on the tooltip.
        status.setMinWidth(0);
        runButton.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        stopButton.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Tooltip statusTip = new Tooltip();
        statusTip.textProperty().bind(status.textProperty());
        status.setTooltip(statusTip);
        controls = new HBox(6, runButton, stopButton, status);
        controls.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(status, Priority.ALWAYS);
        processPoll.setCycleCount(Timeline.INDEFINITE);

        SplitPane eventsAndSuggestions = new SplitPane(titled("AppArmor events", events),
                titled("Suggestions", suggestions));
        eventsAndSuggestions.setOrientation(Orientation.VERTICAL);
        SplitPane views = new SplitPane(titled("Output", output), eventsAndSuggestions,
                titled("Confinement", processes));
        views.setDividerPositions(0.30, 0.62);
        setCenter(views);
    }

    /** The Run and Stop buttons and the run's state, for the panel's title bar. */
    Node controls() {
        return controls;
    }

    ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    void setProfileForTrial(ProfileForTrial profileForTrial) {
        this.profileForTrial = profileForTrial;
    }

    /** Told of every run asked for (the Run button, Ctrl+R, the menu), before it is checked: the panel shows this pane. */
    void setOnRunRequested(Runnable onRunRequested) {
        this.onRunRequested = onRunRequested;
    }

    OutputView output() {
        return output;
    }

    EventsView events() {
        return events;
    }

    SuggestionsView suggestions() {
        return suggestions;
    }

    ConfinementView processes() {
        return processes;
    }

    Label status() {
        return status;
    }

    /** Lint → save → load → start → follow, through {@link TrialRun}; on the FX thread. */
    void runTrial() {
        if (running.get()) {
            return;
        }
        // Why a run did not start (no AppArmor, a load refused) is written in this pane's output.
        onRunRequested.run();
        RunConfiguration config = configuration.configuration();
        if (!configuration.problems().isEmpty()) {
            status.setText("Not started: " + configuration.problems().get(0));
            return;
        }
        DockerEngine engine = connection.engine();
        if (engine == null || !connection.state().isConnected()) {
            status.setText("Not started: " + connection.state().problem().map(p -> p.message())
                    .orElse("not connected to a Docker engine yet."));
            return;
        }
        ProfileForTrial.SavedProfile profile;
        try {
            profile = profileForTrial.checkAndSave();
        } catch (ProfileForTrial.NotReady e) {
            status.setText("Not started: " + e.getMessage());
            return;
        }
        output.clear();
        events.clear();
        suggestions.clear();
        processes.clear("Starting …");
        container.set(null);
        startedAt = Instant.now();
        runningImage = config.image();
        loadedNote = null;
        runningProfile = profile;
        runningConfiguration = config;
        runningMode = dev.armorbench.container.ModeSwitch.modeOf(profile.file().text());
        // A document saved for the first time just now has its loop from now on.
        if (loop.follow(java.util.Optional.of(profile.file().path()), config)) {
            onLoopChanged.run();
        }
        profile.origin().accept("trial run of " + runningImage + " at "
                + java.time.LocalTime.now().withNano(0));
        running.set(true);
        TrialRun run = trials.newRun(watched(ContainerLauncher.docker(engine), engine));
        current = run;
        currentResult = run.start(TrialRequest.of(profile.file(), profile.sources(), config), new OnFxThread(run));
    }

    void stopTrial() {
        if (current != null && running.get()) {
            status.setText("Stopping …");
            current.stop();
        }
    }

    /**
     * Stops a running trial and waits (at most {@code patience}) until its container is removed: on
     * quitting, a container left running would outlive the app.
     */
    void stopAndWait(Duration patience) {
        if (current == null || !running.get()) {
            return;
        }
        current.stop();
        try {
            currentResult.get(patience.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // Quitting anyway; a container that outlived us is found by its label (docker ps --filter label=dev.armorbench.trial=1).
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The docker launcher, noting the started container so its processes can be listed. */
    private ContainerLauncher watched(ContainerLauncher launcher, DockerEngine engine) {
        return (config, profileName, listener, timeout) -> {
            ContainerLauncher.Launched launched = launcher.launch(config, profileName, listener, timeout);
            container.set(engine.container(launched.id()));
            return launched;
        };
    }

    private void pollProcesses() {
        TrialContainer watched = container.get();
        if (watched == null || polling) {
            return;
        }
        polling = true;
        connection.call(engine -> watched.processes(EngineConnection.CALL_TIMEOUT), list -> {
            polling = false;
            if (running.get() && container.get() == watched) {
                processes.show(list);
            }
        }, problem -> {
            polling = false;
            processes.clear("The processes could not be listed: " + problem.message());
        });
    }

    /** After a load: which profiles the kernel holds and in which mode, as the loader read them back. */
    private String loadedNote() {
        return loadedNote == null ? "" : " · " + loadedNote;
    }

    private void phase(TrialRun run, TrialPhase phase) {
        if (run != current) {
            return;
        }
        switch (phase) {
            case LINTING -> status.setText("Checking the profile …");
            case LOADING -> status.setText("Loading the profile into the kernel …");
            case STARTING -> status.setText("Starting " + runningImage + " …" + loadedNote());
            case RUNNING -> {
                status.setText("Running " + runningImage + loadedNote());
                processPoll.playFromStart();
                pollProcesses();
            }
            case COLLECTING -> {
                processPoll.stop();
                processes.clear("The container has exited");
                status.setText("Reading the last AppArmor events …");
            }
            case CLEANING_UP -> status.setText("Removing the container …");
            case FINISHED -> processPoll.stop();
        }
    }

    private void finished(TrialRun run, TrialRunResult result) {
        if (run != current) {
            return;
        }
        processPoll.stop();
        running.set(false);
        container.set(null);
        if (result.outcome() != TrialOutcome.EXITED && result.outcome() != TrialOutcome.STOPPED) {
            processes.clear("Not running");
        }
        status.setText(summary(result));
        output.note("— " + result.message());
        List<Suggestion> offered = offered(result.suggestions());
        suggestions.show(offered);
        if (!offered.isEmpty()) {
            runningProfile.inlineSuggestions().accept(offered);
        }
        if (loop.active() && loop.profile().equals(java.util.Optional.of(runningProfile.file().path().toAbsolutePath().normalize()))
                && !NOT_RUN.contains(result.outcome())) {
            loop.record(result, runningMode, startedAt, runningProfile.file().text(), runningConfiguration, offered);
            onLoopChanged.run();
        }
        Map<EventKind, Integer> byKind = new EnumMap<>(EventKind.class);
        result.eventsByKind().forEach((kind, count) -> byKind.put(kind, (int) (long) count));
        onFinished.accept(new RunRecord(startedAt, runningImage,
                result.exitCode() >= 0 && (result.outcome() == TrialOutcome.EXITED || result.outcome() == TrialOutcome.STOPPED)
                        ? OptionalLong.of(result.exitCode()) : OptionalLong.empty(),
                result.duration(), byKind, result.suggestions().size(), outcomeText(result)));
        if (result.outcome() == TrialOutcome.CONTAINER_FAILED) {
            // The engine may have gone away: asking again shows it in the header and retries until it is back.
            connection.refresh();
        }
    }

    /** Runs that never started a container are not iterations of the loop: they are fixed and run again. */
    private static final java.util.Set<TrialOutcome> NOT_RUN = java.util.EnumSet.of(TrialOutcome.LINT_FAILED,
            TrialOutcome.LOAD_FAILED, TrialOutcome.NO_EVENT_SOURCE);

    /** The suggestions to show: those rejected earlier in the loop stay away unless asked for. */
    private List<Suggestion> offered(List<Suggestion> all) {
        return loop.offered(all, showRejected.getAsBoolean());
    }

    static String summary(TrialRunResult result) {
        return switch (result.outcome()) {
            case EXITED -> "Exited with code " + result.exitCode() + " after " + seconds(result.duration());
            case STOPPED -> "Stopped after " + seconds(result.duration());
            case TIMED_OUT -> "Stopped: it ran too long";
            case LINT_FAILED -> "Not started: the profile has errors";
            case LOAD_FAILED -> "Not started: " + firstLine(result.message(), "the profile could not be loaded");
            case NO_EVENT_SOURCE -> "Not started: " + firstLine(result.message(), "no AppArmor events can be read");
            case CONTAINER_FAILED -> "Failed: " + result.message();
        };
    }

    /** The cause where the status line can say it (the output has the whole message, fix included). */
    private static String firstLine(String message, String otherwise) {
        if (message == null || message.isBlank()) {
            return otherwise;
        }
        String first = message.strip().lines().findFirst().orElse(otherwise);
        return first.endsWith(":") ? first.substring(0, first.length() - 1) : first;
    }

    private static String outcomeText(TrialRunResult result) {
        return switch (result.outcome()) {
            case EXITED -> "exited";
            case STOPPED -> "stopped";
            case TIMED_OUT -> "ran too long, stopped";
            case LINT_FAILED -> "profile has errors";
            case LOAD_FAILED -> "load failed";
            case NO_EVENT_SOURCE -> "no event source";
            case CONTAINER_FAILED -> "container failed";
        };
    }

    private static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private static VBox titled(String title, Node content) {
        Label label = new Label(title);
        label.getStyleClass().add("view-title");
        VBox box = new VBox(label, content);
        VBox.setVgrow(content, Priority.ALWAYS);
        box.getStyleClass().add("run-view");
        return box;
    }

    /** Hands the run's reports (from its own threads) to the FX thread. */
    private final class OnFxThread implements TrialListener {
        private final TrialRun run;
        // A chatty container writes thousands of lines a second, and a process that retries a denied
        // access makes thousands of events: both reach the FX thread in batches, never one task per
        // line, and never more pending than the views keep; repeats of an event wait as one, counted.
        private final FxHandOff<OutputLine> pendingOutput = new FxHandOff<>(OutputView.KEEP_CHARACTERS,
                line -> line.text().length() + 1, Platform::runLater, (lines, dropped) -> showOutput(lines));
        private final FxHandOff<EventsView.Repeated> pendingEvents = FxHandOff.merging(EventsView.KEEP_EVENTS,
                event -> 1, EventsView.Repeated::key, EventsView.Repeated::then, Platform::runLater,
                (latest, dropped) -> showEvents(latest));

        OnFxThread(TrialRun run) {
            this.run = run;
        }

        @Override
        public void phase(TrialPhase phase) {
            Platform.runLater(() -> TrialRunPane.this.phase(run, phase));
        }

        @Override
        public void profileLoaded(String message) {
            Platform.runLater(() -> {
                if (run == current) {
                    loadedNote = message;
                }
            });
        }

        @Override
        public void output(OutputChannel channel, String line) {
            pendingOutput.offer(new OutputLine(channel, line));
        }

        /** One append per run of lines of one channel. */
        private void showOutput(List<OutputLine> lines) {
            StringBuilder text = new StringBuilder();
            OutputChannel channel = null;
            for (OutputLine line : lines) {
                if (channel != null && line.channel() != channel) {
                    show(channel, text);
                    text.setLength(0);
                }
                channel = line.channel();
                text.append(line.text()).append('\n');
            }
            if (channel != null) {
                show(channel, text);
            }
        }

        private void show(OutputChannel channel, CharSequence text) {
            if (run == current) {
                output.append(channel, text.toString());
            }
        }

        @Override
        public void event(AuditEvent event) {
            pendingEvents.offer(EventsView.Repeated.once(event));
        }

        private void showEvents(List<EventsView.Repeated> latest) {
            if (run == current) {
                events.addAll(latest);
            }
        }

        @Override
        public void suggestionsChanged(List<Suggestion> latest) {
            Platform.runLater(() -> {
                if (run == current) {
                    List<Suggestion> offered = offered(latest);
                    suggestions.show(offered);
                    // Live, inline in the profile's editor, where they are accepted or rejected.
                    runningProfile.inlineSuggestions().accept(offered);
                }
            });
        }

        @Override
        public void finished(TrialRunResult result) {
            Platform.runLater(() -> {
                pendingOutput.drainNow();
                pendingEvents.drainNow();
                TrialRunPane.this.finished(run, result);
            });
        }
    }

    private record OutputLine(OutputChannel channel, String text) {
    }
}
