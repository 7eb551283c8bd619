package dev.armorbench.ui;

import dev.armorbench.audit.ReadProgress;
import dev.armorbench.files.ReadProblem;
import dev.armorbench.files.RecoveryStore;
import dev.armorbench.files.TextFile;
import dev.armorbench.ui.settings.Settings;
import dev.armorbench.ui.settings.SettingsStore;
import dev.armorbench.container.ModeSwitch;
import dev.armorbench.container.ProfileMode;
import dev.armorbench.ui.docker.DockerPanel;
import dev.armorbench.ui.docker.ModeEditing;
import dev.armorbench.ui.docker.ProfileContext;
import dev.armorbench.ui.docker.ProfileForTrial;
import dev.armorbench.ui.docker.TrialRuns;
import dev.armorbench.ui.tree.TransitionTreePane;
import dev.armorbench.policy.check.SourceFile;
import dev.armorbench.trial.DockerEndpoint;
import dev.armorbench.trial.RunConfigurationStore;
import dev.armorbench.ui.suggest.LogImport;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import dev.armorbench.policy.check.PolicySources;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The main window: open documents in tabs, the menus, and the rules that keep the user's text safe
 * (ask before losing changes, notice files changed by other programs, report failed saves).
 */
public final class MainWindow {
    private static final double DEFAULT_WIDTH = 1200;
    private static final double DEFAULT_HEIGHT = 800;

    private final Stage stage;
    private final SettingsStore settingsStore;
    private final UserPrompts prompts;
    private final Runnable onQuit;
    private final TabPane tabs = new TabPane();
    private final VBox top = new VBox();
    private final Label caretStatus = new Label();
    private final Label fileStatus = new Label();
    private final MainMenu menu;
    private final ProblemsPane problemsPane = new ProblemsPane(this::jumpTo);
    private final TransitionTreePane transitionTree = new TransitionTreePane(this::policySources,
            () -> this.settings.includePath().stream().map(Path::of).toList());
    private final DockerPanel dockerPanel;
    private final SplitPane center;
    private final javafx.beans.property.BooleanProperty dockerPanelShown =
            new javafx.beans.property.SimpleBooleanProperty();
    private final ListChangeListener<dev.armorbench.ui.editor.Problem> checkedAgain = change -> updateDockerContext();
    private EditorTab followedForDocker;
    private Settings settings;
    private PolicySources policySources;
    private int untitledCount;
    /** Keeps unsaved text on disk against a crash; null until {@link #keepUnsavedTextIn} (tests leave it off). */
    private UnsavedTextKeeper unsavedTextKeeper;

    /**
     * @param onQuit what quitting does once every document is safe (the app exits; tests just note it)
     */
    public MainWindow(Stage stage, SettingsStore settingsStore, SettingsStore.Loaded loaded, UserPrompts prompts,
            Runnable onQuit) {
        this(stage, settingsStore, loaded, prompts, onQuit, DockerEndpoint.resolve(), DockerTrials.forThisMachine());
    }

    /**
     * @param dockerEndpoint where the Docker panel looks for the engine
     * @param trials         how the Docker panel's trial runs load profiles and read AppArmor's events
     */
    public MainWindow(Stage stage, SettingsStore settingsStore, SettingsStore.Loaded loaded, UserPrompts prompts,
            Runnable onQuit, DockerEndpoint dockerEndpoint, TrialRuns trials) {
        this.stage = stage;
        this.settingsStore = settingsStore;
        this.settings = loaded.settings();
        this.prompts = prompts;
        this.onQuit = onQuit;
        this.dockerPanel = new DockerPanel(dockerEndpoint,
                new RunConfigurationStore(settingsStore.file().toAbsolutePath().getParent()), trials,
                this::showNotification, () -> setDockerPanelShown(false));
        dockerPanel.setProfileForTrial(this::checkAndSaveForTrial);
        dockerPanel.setModeEditing(new ModeEditing() {
            @Override
            public Optional<ProfileMode> current() {
                return currentTab().map(tab -> ModeSwitch.modeOf(tab.area().getText()));
            }

            @Override
            public void switchTo(ProfileMode mode) {
                currentTab().ifPresent(tab -> tab.applyAsOneEdit(ModeSwitch.edits(tab.area().getText(), mode)));
            }
        });
        this.menu = new MainMenu(this);

        tabs.setId("documents");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        tabs.getTabs().addListener((ListChangeListener<Tab>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(tab -> tab.setOnCloseRequest(event -> {
                    event.consume();
                    close((EditorTab) tab);
                }));
            }
        });
        top.getChildren().add(menu.bar());
        loaded.warning().ifPresent(this::showNotification);

        BorderPane root = new BorderPane();
        root.setTop(top);
        center = new SplitPane(new StackPane(emptyState(), tabs), problemsPane);
        center.setOrientation(Orientation.VERTICAL);
        SplitPane.setResizableWithParent(dockerPanel, false);
        dockerPanel.setOnImageConfig(transitionTree::setImageConfig);
        center.setDividerPositions(0.8);
        SplitPane.setResizableWithParent(problemsPane, false);
        transitionTree.setOpenDocuments(this::editorTabs);
        SplitPane withTree = new SplitPane(transitionTree, center);
        withTree.setDividerPositions(0.22);
        SplitPane.setResizableWithParent(transitionTree, false);
        root.setCenter(withTree);
        root.setBottom(statusBar());
        tabs.visibleProperty().bind(Bindings.isNotEmpty(tabs.getTabs()));

        Scene scene = new Scene(root, DEFAULT_WIDTH, DEFAULT_HEIGHT);
        stage.setScene(scene);
        Themes.apply(settings.theme(), scene);
        bindTitle();
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, selected) -> {
            bindTitle();
            updateStatus();
            problemsPane.show(currentTab().map(tab -> tab.problems().problems()).orElse(null));
            transitionTree.show(currentTab().orElse(null));
            followForDocker(currentTab().orElse(null));
        });
        menu.refreshRecentFiles(settings.recentFiles());
        stage.setOnCloseRequest(event -> {
            event.consume();
            requestQuit();
        });
        stage.focusedProperty().addListener((obs, wasFocused, focused) -> {
            if (focused) {
                policySources = null;
                checkDiskChanges();
            }
        });
        restoreBounds();
    }

    public void show() {
        stage.show();
    }

    /** The Docker panel (shown under the editor with View → Docker Panel). */
    public DockerPanel dockerPanel() {
        return dockerPanel;
    }

    public javafx.beans.property.BooleanProperty dockerPanelShownProperty() {
        return dockerPanelShown;
    }

    /** Shows or hides the Docker panel; the first time it is shown it connects to the engine. */
    public void setDockerPanelShown(boolean shown) {
        if (shown == center.getItems().contains(dockerPanel)) {
            dockerPanelShown.set(shown);
            return;
        }
        if (shown) {
            center.getItems().add(dockerPanel);
            center.setDividerPositions(0.40, 0.50);
            // Once laid out with the new item: the positions set before that are not kept.
            javafx.application.Platform.runLater(() -> center.setDividerPositions(0.40, 0.50));
            dockerPanel.start();
            updateDockerContext();
        } else {
            center.getItems().remove(dockerPanel);
            center.setDividerPositions(0.8);
        }
        dockerPanelShown.set(shown);
    }

    /** Run → Complain Mode / Enforce Mode: the current profile's flags, as one undoable edit. */
    public void switchMode(ProfileMode mode) {
        dockerPanel.switchMode(mode);
    }

    /** Runs the current profile's container under it (Ctrl+R), showing the Docker panel first. */
    public void runTrial() {
        setDockerPanelShown(true);
        dockerPanel.runTrial();
    }

    public void stopTrial() {
        dockerPanel.stopTrial();
    }

    /** A trial runs what is on disk: the current profile is checked, then saved. */
    private ProfileForTrial.SavedProfile checkAndSaveForTrial() throws ProfileForTrial.NotReady {
        EditorTab tab = currentTab().orElseThrow(() -> new ProfileForTrial.NotReady(
                "Open the profile to run (File → Open)."));
        long errors = tab.problems().problems().stream()
                .filter(problem -> problem.severity() == dev.armorbench.policy.check.Severity.ERROR).count();
        if (errors > 0) {
            throw new ProfileForTrial.NotReady("the profile has " + errors + (errors == 1 ? " error" : " errors")
                    + "; fix " + (errors == 1 ? "it" : "them") + " first (see Problems).");
        }
        // A complain run learns in every profile, as `armorbench trial` runs it: a child profile added
        // since (a suggested new one has no flags) joins complain mode, or it would deny while the rest learns.
        if (ModeSwitch.modeOf(tab.area().getText()) == ProfileMode.COMPLAIN) {
            tab.applyAsOneEdit(ModeSwitch.edits(tab.area().getText(), ProfileMode.COMPLAIN));
        }
        if (!save(tab) || tab.path().isEmpty()) {
            throw new ProfileForTrial.NotReady("the profile is not saved; a trial loads the profile as saved.");
        }
        return new ProfileForTrial.SavedProfile(new SourceFile(tab.path().get(), tab.area().getText()), policySources(),
                tab::showSuggestions, origin -> tab.suggestions().setOrigin(origin));
    }

    /** The Docker panel follows the selected document, and its profiles each time it is checked. */
    private void followForDocker(EditorTab tab) {
        if (followedForDocker != null) {
            followedForDocker.problems().problems().removeListener(checkedAgain);
        }
        followedForDocker = tab;
        if (tab != null) {
            tab.problems().problems().addListener(checkedAgain);
        }
        updateDockerContext();
    }

    private void updateDockerContext() {
        // The mode shows in the Run menu too, with the panel hidden.
        dockerPanel.showMode();
        if (!center.getItems().contains(dockerPanel)) {
            return;
        }
        EditorTab tab = currentTab().orElse(null);
        dockerPanel.showProfile(tab == null ? new ProfileContext(Optional.empty(), "", null)
                : new ProfileContext(tab.path(), tab.name(), tab.problems().policy()));
    }

    public Stage stage() {
        return stage;
    }

    public Settings settings() {
        return settings;
    }

    public List<EditorTab> editorTabs() {
        List<EditorTab> result = new ArrayList<>();
        tabs.getTabs().forEach(tab -> result.add((EditorTab) tab));
        return result;
    }

    public Optional<EditorTab> currentTab() {
        return Optional.ofNullable((EditorTab) tabs.getSelectionModel().getSelectedItem());
    }

    /**
     * From now on keeps the text of unsaved documents in {@code store} (a second after typing
     * pauses), and first reopens what an earlier run left there when it ended without closing, with
     * a message that names it. When the store cannot be used, says why and goes on without it.
     */
    public void keepUnsavedTextIn(RecoveryStore store) {
        List<RecoveryStore.Orphan> orphans;
        RecoveryStore.Session session;
        try {
            orphans = store.orphans();
            session = store.open();
        } catch (IOException | RuntimeException e) {
            showNotification(UnsavedTextKeeper.cannotKeep(store.root(), e));
            return;
        }
        unsavedTextKeeper = new UnsavedTextKeeper(session, this::showNotification);
        editorTabs().forEach(unsavedTextKeeper::watch);
        List<String> reopened = RecoveredDocuments.reopen(store, orphans, this::addTab, this::policySources,
                unsavedTextKeeper);
        if (!reopened.isEmpty()) {
            showNotification("Recovered unsaved changes of " + String.join(", ", reopened) + " from a session that"
                    + " ended without saving them. Save to keep them; closing a document now discards its changes.");
        }
    }

    /**
     * Opens the files named on the command line ({@code armorbench FILE…}); when there are none, the
     * files that were open when the app was last quit (those that still exist); when that leaves
     * nothing open either (each failure is reported), the first-start sample.
     */
    public void openAtStart(java.util.List<Path> files) {
        if (files.isEmpty()) {
            settings.openFiles().stream().map(Path::of).filter(Files::isRegularFile).forEach(this::open);
        } else {
            files.forEach(this::open);
        }
        openSampleIfEmpty();
    }

    /** On a first start with nothing open, shows the sample that the documentation's shape follows. */
    public void openSampleIfEmpty() {
        if (tabs.getTabs().isEmpty()) {
            openSample(Samples.FIRST_START);
        }
    }

    public EditorTab openSample(String name) {
        return addTab(EditorTab.untitled(name + " (sample)", Samples.text(name), this::policySources));
    }

    public EditorTab newDocument() {
        untitledCount++;
        return addTab(EditorTab.untitled("Untitled " + untitledCount, "", this::policySources));
    }

    public void openWithChooser() {
        prompts.chooseFileToOpen(lastDirectory()).ifPresent(this::open);
    }

    /** Opens {@code path}, or selects its tab when it is already open; reports a file that cannot be read. */
    public Optional<EditorTab> open(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        for (EditorTab tab : editorTabs()) {
            if (tab.path().map(absolute::equals).orElse(false)) {
                tabs.getSelectionModel().select(tab);
                return Optional.of(tab);
            }
        }
        try {
            EditorTab tab = addTab(EditorTab.forFile(TextFile.read(absolute), this::policySources));
            rememberFile(absolute);
            return Optional.of(tab);
        } catch (IOException e) {
            if (e instanceof NoSuchFileException) {
                updateSettings(settings.withoutRecentFile(absolute.toString()));
            }
            prompts.showError("Cannot open " + absolute.getFileName(),
                    absolute + " could not be opened: " + ReadProblem.reason(absolute, e) + ".");
            return Optional.empty();
        }
    }

    /** Saves the tab to its file, or asks where when it has none. Returns whether the text is now on disk. */
    public boolean save(EditorTab tab) {
        Optional<Path> path = tab.path();
        if (path.isEmpty()) {
            return saveAs(tab);
        }
        if (tab.changedOnDisk() && !prompts.confirmOverwriteChanged(tab.name())) {
            return false;
        }
        return writeTo(tab, path.get());
    }

    public boolean saveAs(EditorTab tab) {
        Path directory = tab.path().map(Path::getParent).orElseGet(this::lastDirectory);
        String suggested = tab.path().map(p -> p.getFileName().toString())
                .orElse(tab.name().replace(" (sample)", ""));
        Optional<Path> target = prompts.chooseFileToSave(directory, suggested);
        return target.isPresent() && writeTo(tab, target.get().toAbsolutePath().normalize());
    }

    private boolean writeTo(EditorTab tab, Path target) {
        try {
            tab.saveTo(target);
            rememberFile(target);
            updateStatus();
            updateDockerContext();
            return true;
        } catch (IOException e) {
            prompts.showError("Cannot save " + target.getFileName(),
                    target + " could not be written: " + describe(e)
                            + "\n\nYour text is still in the editor. Use File → Save As… to write it elsewhere.");
            return false;
        }
    }

    /** Closes the tab, asking first when it has unsaved changes. Returns false when the user cancelled. */
    public boolean close(EditorTab tab) {
        if (tab.isUnsaved()) {
            tabs.getSelectionModel().select(tab);
            switch (prompts.askSaveChanges(tab.name())) {
                case CANCEL:
                    return false;
                case SAVE:
                    if (!save(tab)) {
                        return false;
                    }
                    break;
                case DISCARD:
                default:
                    break;
            }
        }
        tabs.getTabs().remove(tab);
        if (unsavedTextKeeper != null) {
            unsavedTextKeeper.unwatch(tab);
        }
        return true;
    }

    /** Quits once every unsaved document is saved or discarded; any Cancel keeps the app open. */
    public boolean requestQuit() {
        for (EditorTab tab : editorTabs()) {
            if (tab.isUnsaved() && !close(tab)) {
                return false;
            }
        }
        rememberBounds();
        updateSettings(settings.withOpenFiles(editorTabs().stream().flatMap(tab -> tab.path().stream())
                .map(Path::toString).toList()));
        dockerPanel.dispose();
        if (unsavedTextKeeper != null) {
            unsavedTextKeeper.close();
        }
        onQuit.run();
        return true;
    }

    /** Asks about every open file that another program changed or removed since it was read or saved. */
    public void checkDiskChanges() {
        for (EditorTab tab : editorTabs()) {
            if (!tab.changedOnDisk()) {
                continue;
            }
            Path path = tab.path().orElseThrow();
            if (!Files.exists(path)) {
                tab.keepEditorVersion();
                showNotification(path + " was deleted or moved by another program. Its text is still in the "
                        + "editor; save it to write it back.");
                continue;
            }
            tabs.getSelectionModel().select(tab);
            if (prompts.askReloadChanged(tab.name(), tab.isUnsaved()) == UserPrompts.DiskChangeAnswer.RELOAD) {
                try {
                    tab.reload();
                } catch (IOException e) {
                    tab.keepEditorVersion();
                    prompts.showError("Cannot reload " + tab.name(), path + " could not be read: "
                            + ReadProblem.reason(path, e) + ".");
                }
            } else {
                tab.keepEditorVersion();
            }
        }
    }

    /** Asks for the include search path; a new one is saved and every open document is checked again. */
    void editIncludePath() {
        prompts.askIncludePath(settings.includePath()).ifPresent(this::setIncludePath);
    }

    public void setIncludePath(List<String> directories) {
        updateSettings(settings.withIncludePath(directories));
        policySources = null;
        editorTabs().forEach(tab -> tab.problems().check());
    }

    public void setTheme(Settings.Theme theme) {
        Themes.apply(theme, stage.getScene());
        updateSettings(settings.withTheme(theme));
    }

    public void clearRecentFiles() {
        updateSettings(settings.withoutRecentFiles());
    }

    /** Shows a message above the documents until the user dismisses it. */
    public void showNotification(String message) {
        Label text = new Label(message);
        text.setWrapText(true);
        text.setId("notification-text");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button dismiss = new Button(null, new FontIcon("mdi2c-close"));
        dismiss.getStyleClass().addAll("flat", "button-icon");
        HBox bar = new HBox(new FontIcon("mdi2a-alert-outline"), text, spacer, dismiss);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("notification-bar");
        dismiss.setOnAction(event -> top.getChildren().remove(bar));
        top.getChildren().add(bar);
    }

    /**
     * The include search path and the cache of parsed includes shared by every open document, so that
     * {@code abstractions/base} is read once. Made anew when the window regains focus, since include
     * files may have changed on disk meanwhile.
     */
    PolicySources policySources() {
        if (policySources == null) {
            policySources = new PolicySources(settings.includePath().stream().map(Path::of).toList(),
                    Path.of("").toAbsolutePath());
        }
        return policySources;
    }

    /** Selects a problem's text in the current editor. */
    void jumpTo(dev.armorbench.ui.editor.Problem problem) {
        currentTab().ifPresent(tab -> {
            int length = tab.area().getLength();
            tab.area().selectRange(Math.min(problem.start(), length), Math.min(Math.max(problem.end(), problem.start()), length));
            tab.area().requestFollowCaret();
            tab.area().requestFocus();
        });
    }

    public TransitionTreePane transitionTree() {
        return transitionTree;
    }

    ProblemsPane problemsPane() {
        return problemsPane;
    }

    /** File → Import Log…: asks for logs and shows what they suggest for the current document. */
    void importLog() {
        currentTab().ifPresent(tab -> {
            List<Path> logs = prompts.chooseLogFiles(lastLogDirectory());
            if (!logs.isEmpty()) {
                importLogs(tab, logs);
            }
        });
    }

    /**
     * Reads {@code log} off the FX thread against the document's text as it is now, then shows the
     * suggestions as an inline diff, or says why there are none.
     */
    public CompletableFuture<LogImport.Outcome> importLog(EditorTab tab, Path log) {
        return importLogs(tab, List.of(log));
    }

    /** {@link #importLog(EditorTab, Path)} for several logs read as one (a log with its rotated files). */
    public CompletableFuture<LogImport.Outcome> importLogs(EditorTab tab, List<Path> logs) {
        lastLogDirectory = logs.get(0).toAbsolutePath().getParent();
        SourceFile document = tab.documentSource();
        PolicySources sources = policySources();
        List<Path> searchPath = settings.includePath().stream().map(Path::of).toList();
        String what = logs.size() == 1 ? logs.get(0).toString() : logs.size() + " logs";
        CompletableFuture<LogImport.Outcome> outcome = new CompletableFuture<>();
        ReadProgress progress = new ReadProgress();
        // Each import reads on a thread of its own. Stop interrupts it, which ends the reader's
        // waits; a read from a pipe does not give way (FileChannel on a FIFO, Java 17), so the
        // import is abandoned instead: its thread ends when the pipe does, and no later import
        // waits behind it.
        Thread reading = new Thread(() -> {
            try {
                outcome.complete(LogImport.run(logs, document, sources, searchPath, progress));
            } catch (RuntimeException | Error e) {
                outcome.completeExceptionally(e);
            }
        }, "armorbench-log-import");
        reading.setDaemon(true);
        Runnable stop = () -> {
            outcome.cancel(false);
            reading.interrupt();
        };
        Runnable earlier = importsUnderWay.put(tab, stop);
        if (earlier != null) {
            earlier.run(); // a new import into the same document replaces the one still reading
        }
        tab.suggestions().showReading(what, stop, progress);
        outcome.whenComplete((result, error) -> Platform.runLater(() -> {
            boolean latest = importsUnderWay.remove(tab, stop);
            if (!latest && error instanceof java.util.concurrent.CancellationException) {
                return; // replaced by a newer import into this document, which the bar shows now
            }
            showImport(tab, what, result, error);
        }));
        reading.start();
        return outcome;
    }

    /** Per document, how to stop the import still reading into it. */
    private final java.util.Map<EditorTab, Runnable> importsUnderWay = new java.util.HashMap<>();

    private void showImport(EditorTab tab, String what, LogImport.Outcome outcome, Throwable error) {
        if (error instanceof java.util.concurrent.CancellationException) {
            tab.suggestions().showMessage("Stopped reading " + what + "; nothing imported.");
        } else if (error != null || outcome == null) {
            tab.suggestions().showMessage("");
            prompts.showError("Cannot import log", "Reading " + what + " failed: " + (error == null ? "no result" : error.getMessage()));
        } else if (outcome instanceof LogImport.Unreadable unreadable) {
            tab.suggestions().showMessage("");
            prompts.showError("Cannot import log", unreadable.message());
        } else if (outcome instanceof LogImport.Read read) {
            if (read.nothingFound() != null) {
                tab.suggestions().showMessage(read.summary());
                prompts.showInformation("Nothing to suggest", read.nothingFound());
            } else {
                tab.suggestions().setOrigin(read.summary());
                tab.showSuggestions(read.result().suggestions());
                if (tab.suggestions().hunkAtCaret().isEmpty()) {
                    tab.suggestions().nextHunk();
                }
            }
        }
    }

    private Path lastLogDirectory;

    private Path lastLogDirectory() {
        return lastLogDirectory != null ? lastLogDirectory : Path.of("/var/log");
    }

    /** Asks for a line number and moves there. */
    void goToLine() {
        currentTab().ifPresent(tab -> prompts.askLineNumber(tab.area().getParagraphs().size())
                .ifPresent(line -> tab.editor().component(dev.armorbench.ui.editor.LineEditing.class)
                        .ifPresent(editing -> editing.goToLine(line))));
    }

    void showAbout() {
        prompts.showInformation("About ArmorBench", AboutText.text());
    }

    private EditorTab addTab(EditorTab tab) {
        tab.suggestions().setOnAnswered((accepted, rejected) -> dockerPanel.suggestionsAnswered(tab.path(), accepted, rejected));
        tabs.getTabs().add(tab);
        if (unsavedTextKeeper != null) {
            unsavedTextKeeper.watch(tab);
        }
        tabs.getSelectionModel().select(tab);
        tab.area().caretPositionProperty().addListener((obs, old, position) -> updateStatus());
        tab.area().requestFocus();
        updateStatus();
        return tab;
    }

    /** The title names the selected document and shows its unsaved mark, as the tab does. */
    private void bindTitle() {
        stage.titleProperty().unbind();
        stage.titleProperty().bind(currentTab()
                .map(tab -> Bindings.concat("ArmorBench — ", tab.textProperty()))
                .orElse(Bindings.concat("ArmorBench")));
    }

    private Region statusBar() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        caretStatus.setId("caret-status");
        fileStatus.setId("file-status");
        HBox bar = new HBox(fileStatus, spacer, caretStatus);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private void updateStatus() {
        Optional<EditorTab> tab = currentTab();
        if (tab.isEmpty()) {
            caretStatus.setText("");
            fileStatus.setText("");
            return;
        }
        var area = tab.get().area();
        caretStatus.setText("Ln " + (area.getCurrentParagraph() + 1) + ", Col " + (area.getCaretColumn() + 1)
                + "   " + tab.get().file().map(f -> f.lineSeparator().name()).orElse("LF") + "   UTF-8");
        fileStatus.setText(tab.get().path().map(Path::toString).orElse("Not saved yet"));
    }

    private Region emptyState() {
        Label title = new Label("No profile open");
        title.getStyleClass().add("title");
        Label hint = new Label("File → New (Ctrl+N) or File → Open (Ctrl+O)");
        hint.getStyleClass().add("hint");
        Button sample = new Button("Open the sample container profile");
        sample.setOnAction(event -> openSample(Samples.FIRST_START));
        VBox box = new VBox(new FontIcon("mdi2s-shield-outline"), title, hint, sample);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("empty-state");
        return box;
    }

    MainMenu menu() {
        return menu;
    }

    private Path lastDirectory() {
        return settings.lastDirectory() == null ? Path.of(System.getProperty("user.home"))
                : Path.of(settings.lastDirectory());
    }

    private void rememberFile(Path file) {
        Path parent = file.getParent();
        Settings updated = settings.withRecentFile(file.toString());
        updateSettings(parent == null ? updated : updated.withLastDirectory(parent.toString()));
    }

    private void restoreBounds() {
        Settings.WindowBounds bounds = settings.window();
        if (bounds == null) {
            return;
        }
        Rectangle2D rectangle = new Rectangle2D(bounds.x(), bounds.y(), Math.max(bounds.width(), 400),
                Math.max(bounds.height(), 300));
        // Only where a screen still shows it: monitors come and go between starts.
        if (!Screen.getScreensForRectangle(rectangle).isEmpty()) {
            stage.setX(rectangle.getMinX());
            stage.setY(rectangle.getMinY());
            stage.setWidth(rectangle.getWidth());
            stage.setHeight(rectangle.getHeight());
        }
        stage.setMaximized(bounds.maximized());
    }

    private void rememberBounds() {
        if (stage.isShowing() && !stage.isIconified()) {
            updateSettings(settings.withWindow(new Settings.WindowBounds(stage.getX(), stage.getY(),
                    stage.getWidth(), stage.getHeight(), stage.isMaximized())));
        }
    }

    private void updateSettings(Settings updated) {
        settings = updated;
        menu.refreshRecentFiles(settings.recentFiles());
        try {
            settingsStore.save(settings);
        } catch (IOException e) {
            // Settings are a convenience: say so once in the window, keep working with them in memory.
            System.err.println("armorbench: warning: settings could not be saved to " + settingsStore.file()
                    + ": " + describe(e));
        }
    }

    /** A cause a person can act on, rather than an exception class name. */
    static String describe(Exception e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied. Check the permissions of the file and its directory, or choose another place.";
        }
        if (e instanceof NoSuchFileException) {
            return "the file or its directory does not exist.";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(java.util.Locale.ROOT) + ".";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
