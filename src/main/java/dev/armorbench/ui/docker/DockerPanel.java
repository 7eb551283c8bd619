package dev.armorbench.ui.docker;

import dev.armorbench.container.ImageConfig;
import dev.armorbench.trial.DockerEndpoint;
import dev.armorbench.trial.ImageDetails;
import dev.armorbench.trial.RunConfigurationStore;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Docker panel, docked under the editor: the engine and its state, its images, the current
 * profile's run configuration, trial runs (output, AppArmor events, suggestions, the processes'
 * confinement) and their history. A thin face: the engine work is {@code dev.armorbench.trial}'s,
 * done off the FX thread, with only the results applied here.
 */
public final class DockerPanel extends BorderPane {
    private final EngineConnection connection;
    private final ImagesView images;
    private final RunConfigurationEditor configuration;
    private final TrialRunPane run;
    private final TabPane sections = new TabPane();
    private final Tab imagesTab;
    private final Tab configurationTab;
    private final Tab runTab;
    private final Tab historyTab;
    private final RunHistoryView history = new RunHistoryView();
    private final ProfileLoop loop;
    private final LoopView loopView;
    private final Tab loopTab;
    private final ModeToggle modeToggle;
    private final javafx.beans.property.ReadOnlyObjectWrapper<dev.armorbench.container.ProfileMode> mode =
            new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private ModeEditing modeEditing = ModeEditing.NONE;
    private Consumer<ImageConfig> onImageConfig = config -> { };
    private boolean started;

    /**
     * @param endpoint      where to look for the engine (asked when the panel is first shown)
     * @param store         where run configurations are kept
     * @param trials        how trial runs are made (the real engine, loader and event source; tests pass their own)
     * @param notify        shows a message in the window (a configuration that could not be saved)
     * @param onClose       hides the panel (its close button)
     */
    public DockerPanel(DockerEndpoint endpoint, RunConfigurationStore store, TrialRuns trials, Consumer<String> notify,
            Runnable onClose) {
        this.connection = new EngineConnection(endpoint);
        getStyleClass().add("docker-panel");
        setId("docker-panel");
        getStylesheets().add(Objects.requireNonNull(getClass().getResource("docker-panel.css")).toExternalForm());
        configuration = new RunConfigurationEditor(store, notify);
        configurationTab = tab("Run Configuration", "mdi2t-tune-variant", configuration, "docker-tab-configuration");
        images = new ImagesView(connection, image -> {
            configuration.setImage(image);
            sections.getSelectionModel().select(configurationTab);
        });
        loop = new ProfileLoop(trials.sessions());
        loopView = new LoopView(loop);
        run = new TrialRunPane(connection, configuration, trials, history::add, loop, loopView::showRejected,
                loopView::refresh);
        loopView.setActions(() -> switchModeAndRun(dev.armorbench.container.ProfileMode.ENFORCE),
                () -> switchModeAndRun(dev.armorbench.container.ProfileMode.COMPLAIN));
        modeToggle = new ModeToggle(this::switchMode);

        imagesTab = tab("Images", "mdi2l-layers-outline", images, "docker-tab-images");
        runTab = tab("Run", "mdi2p-play-circle-outline", run, "docker-tab-run");
        historyTab = tab("History", "mdi2h-history", history, "docker-tab-history");
        loopTab = tab("Loop", "mdi2s-sync", loopView, "docker-tab-loop");
        sections.getTabs().addAll(imagesTab, configurationTab, runTab, loopTab, historyTab);
        run.setOnRunRequested(() -> sections.getSelectionModel().select(runTab));
        sections.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        sections.setId("docker-sections");

        Label title = new Label("Docker");
        title.getStyleClass().add("pane-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button close = new Button(null, new FontIcon("mdi2c-close"));
        close.setId("docker-panel-close");
        close.getStyleClass().addAll("flat", "button-icon");
        close.setTooltip(new Tooltip("Hide the Docker panel (View → Docker Panel)"));
        close.setOnAction(event -> onClose.run());
        HBox titleBar = new HBox(8, title, modeToggle, run.controls(), spacer, close);
        titleBar.setAlignment(Pos.CENTER_LEFT);
        titleBar.getStyleClass().add("pane-header");
        EngineHeader header = new EngineHeader(connection);
        setTop(new VBox(titleBar, header));
        setCenter(sections);

        images.chosenProperty().addListener((obs, old, image) -> imageChosen(image));
        configuration.configurationProperty().addListener((obs, old, config) -> {
            ImageDetails image = images.chosenProperty().get();
            if (image != null && !config.command().equals(old == null ? null : old.command())) {
                onImageConfig.accept(EntryPointConfig.of(image, config.command()));
            }
        });
    }

    /** Connects to the engine the first time the panel is shown; later calls do nothing. */
    public void start() {
        if (!started) {
            started = true;
            connection.refresh();
        }
    }

    /** Looks for the engine somewhere else from now on (tests use their own engine). */
    public void useEndpoint(DockerEndpoint endpoint) {
        started = true;
        connection.useEndpoint(endpoint);
    }

    /** Follows another profile: its run configuration, its loop and mode, and its image chosen in the list when listed. */
    public void showProfile(ProfileContext context) {
        // The run views keep the last run's results until the next run, whatever profile is shown.
        configuration.show(context);
        if (loop.follow(context.file(), configuration.configuration())) {
            loopView.refresh();
        }
        showMode();
        String image = configuration.configuration().image();
        if (!image.isEmpty()) {
            images.choose(image);
        }
    }

    /** How the mode toggle reads and switches the current profile's mode (the window's editor). */
    public void setModeEditing(ModeEditing modeEditing) {
        this.modeEditing = modeEditing;
        showMode();
    }

    /** Shows the current profile's mode again (after its text changed). */
    public void showMode() {
        java.util.Optional<dev.armorbench.container.ProfileMode> current = modeEditing.current();
        modeToggle.show(current);
        mode.set(current.orElse(null));
    }

    /** The current profile's mode as its flags say, null without a profile. */
    public javafx.beans.property.ReadOnlyObjectProperty<dev.armorbench.container.ProfileMode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    /** Puts the current profile in complain or enforce mode: an undoable edit of its flags, loaded with the next run. */
    public void switchMode(dev.armorbench.container.ProfileMode wanted) {
        modeEditing.switchTo(wanted);
        showMode();
    }

    private void switchModeAndRun(dev.armorbench.container.ProfileMode wanted) {
        switchMode(wanted);
        runTrial();
    }

    /**
     * The user accepted or rejected suggestions in a document's inline diff: when they are the current
     * loop's offers, the loop remembers the answers (rejected ones are not offered again).
     */
    public void suggestionsAnswered(java.util.Optional<java.nio.file.Path> file,
            java.util.List<dev.armorbench.suggest.Suggestion> accepted,
            java.util.List<dev.armorbench.suggest.Suggestion> rejected) {
        if (file.map(path -> path.toAbsolutePath().normalize()).equals(loop.profile())
                && loop.answered(accepted, rejected)) {
            loopView.refresh();
        }
    }

    /** Where the tree's entry point analysis gets the chosen image's configuration. */
    public void setOnImageConfig(Consumer<ImageConfig> onImageConfig) {
        this.onImageConfig = onImageConfig;
    }

    /** Starts a trial run of the current profile, as the Run button and Ctrl+R do. */
    public void runTrial() {
        run.runTrial();
    }

    /** Shows the Loop tab: the profile's iterations and where its complain → enforce loop stands. */
    public void showLoop() {
        sections.getSelectionModel().select(loopTab);
    }

    /** How a run checks and saves the current profile before loading it (the window's job). */
    public void setProfileForTrial(ProfileForTrial profileForTrial) {
        run.setProfileForTrial(profileForTrial);
    }

    /** Whether a trial run is going on. */
    public javafx.beans.property.ReadOnlyBooleanProperty runningProperty() {
        return run.runningProperty();
    }

    /** Stops the running trial, if any. */
    public void stopTrial() {
        run.stopTrial();
    }

    private void imageChosen(ImageDetails image) {
        if (image == null) {
            return;
        }
        if (configuration.configuration().image().isEmpty()) {
            configuration.setImage(ImagesView.nameOf(image));
        }
        onImageConfig.accept(EntryPointConfig.of(image, configuration.configuration().command()));
    }

    public EngineConnection connection() {
        return connection;
    }

    ImagesView images() {
        return images;
    }

    RunConfigurationEditor configurationEditor() {
        return configuration;
    }

    TrialRunPane runPane() {
        return run;
    }

    RunHistoryView history() {
        return history;
    }

    TabPane sections() {
        return sections;
    }

    Tab imagesTab() {
        return imagesTab;
    }

    Tab historyTab() {
        return historyTab;
    }

    Tab loopTab() {
        return loopTab;
    }

    ProfileLoop loop() {
        return loop;
    }

    LoopView loopView() {
        return loopView;
    }

    ModeToggle modeToggle() {
        return modeToggle;
    }

    /** Saves what is pending and lets go of the engine. */
    public void dispose() {
        configuration.saveNow();
        run.stopAndWait(java.time.Duration.ofSeconds(20));
        connection.close();
    }

    private static Tab tab(String text, String icon, javafx.scene.Node content, String id) {
        Tab tab = new Tab(text, content);
        tab.setGraphic(new FontIcon(icon));
        tab.setId(id);
        return tab;
    }
}
