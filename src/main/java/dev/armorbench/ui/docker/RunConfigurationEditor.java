package dev.armorbench.ui.docker;

import dev.armorbench.trial.DockerRunCommand;
import dev.armorbench.trial.ProfileCapabilities;
import dev.armorbench.trial.RunConfiguration;
import dev.armorbench.trial.RunConfigurationStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The run configuration of the current profile as a form: image, command override, environment,
 * mounts, ports, user, network, {@code --init}, read-only root, {@code no-new-privileges} and the
 * capabilities (preset to the union the profiles allow). Every change is saved with the profile
 * (through {@link RunConfigurationStore}, keyed by the profile file) and shown as the equivalent
 * {@code docker run} line, ready to copy.
 */
final class RunConfigurationEditor extends ScrollPane {
    private static final javafx.util.Duration SAVE_AFTER = javafx.util.Duration.millis(400);

    private final RunConfigurationStore store;
    private final Consumer<String> onStoreProblem;
    private final TextField image = field("docker-run-image", "repository:tag or image id");
    private final TextArea command = area("docker-run-command", "one argument a line; empty: the image's Cmd");
    private final TextArea environment = area("docker-run-env", "NAME=value, one a line");
    private final TextArea mounts = area("docker-run-mounts", "/host/path:/container/path[:ro], one a line");
    private final TextArea ports = area("docker-run-ports", "[host-ip:]host-port:container-port[/udp], one a line");
    private final TextField user = field("docker-run-user", "the image's user");
    private final ComboBox<String> network = new ComboBox<>();
    private final CheckBox init = check("docker-run-init", "--init (docker-init runs the entry point as its child)");
    private final CheckBox readOnly = check("docker-run-read-only", "--read-only root filesystem");
    private final CheckBox noNewPrivileges = check("docker-run-no-new-privileges", "no-new-privileges");
    private final CheckBox keepDefaults = check("docker-run-keep-default-caps",
            "keep Docker's default capabilities (else --cap-drop ALL)");
    private final TextField capabilities = field("docker-run-caps", "e.g. CHOWN NET_BIND_SERVICE");
    private final Label capabilitiesHint = new Label();
    private final Button useProfileCapabilities = new Button("Use the Profiles' Set");
    private final Label problems = new Label();
    private final Label savedWhere = new Label();
    private final TextArea runLine = new TextArea();
    private final ReadOnlyObjectWrapper<RunConfiguration> configuration = new ReadOnlyObjectWrapper<>(
            RunConfiguration.forImage(""));
    private final ReadOnlyObjectWrapper<List<String>> formProblems = new ReadOnlyObjectWrapper<>(List.of());
    /** Configurations of documents seen while the window is open, including untitled ones. */
    private final Map<String, RunConfiguration> known = new HashMap<>();
    /** Documents whose capabilities the user typed: those are no longer preset from the profiles. */
    private final java.util.Set<String> capabilitiesChosen = new java.util.HashSet<>();
    private final PauseTransition saveLater = new PauseTransition(SAVE_AFTER);
    private ProfileContext context = new ProfileContext(Optional.empty(), "", null);
    private boolean filling;

    /**
     * @param onStoreProblem told, on the FX thread, when a configuration could not be written, or
     *     when the file of saved configurations could not be read (it is set aside, never lost)
     */
    RunConfigurationEditor(RunConfigurationStore store, Consumer<String> onStoreProblem) {
        this.store = store;
        this.onStoreProblem = onStoreProblem;
        getStyleClass().add("run-configuration");
        setFitToWidth(true);
        network.setId("docker-run-network");
        network.setEditable(true);
        network.getItems().addAll("", "none", "host", "bridge");
        network.setPromptText("the engine's default");
        network.setMaxWidth(Double.MAX_VALUE);
        capabilitiesHint.getStyleClass().add("hint");
        capabilitiesHint.setWrapText(true);
        useProfileCapabilities.setId("docker-run-caps-reset");
        useProfileCapabilities.setOnAction(event -> {
            capabilitiesChosen.remove(context.key());
            presetCapabilities();
        });
        problems.setId("docker-run-problems");
        problems.getStyleClass().add("form-problems");
        problems.setWrapText(true);
        problems.managedProperty().bind(problems.visibleProperty());
        savedWhere.getStyleClass().add("hint");
        savedWhere.setWrapText(true);
        runLine.setId("docker-run-line");
        runLine.setEditable(false);
        runLine.setWrapText(true);
        runLine.setPrefRowCount(2);
        runLine.getStyleClass().add("run-line");
        Button copy = new Button("Copy", new FontIcon("mdi2c-content-copy"));
        copy.setId("docker-run-copy");
        copy.setTooltip(new Tooltip("Copy the docker run command"));
        copy.setOnAction(event -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(runLine.getText());
            Clipboard.getSystemClipboard().setContent(content);
        });

        GridPane first = grid();
        first.addRow(0, label("Image"), image);
        first.addRow(1, label("Command"), command);
        first.addRow(2, label("Environment"), environment);
        GridPane second = grid();
        second.addRow(0, label("User"), user);
        second.addRow(1, label("Network"), network);
        second.addRow(2, label("Mounts"), mounts);
        second.addRow(3, label("Ports"), ports);
        GridPane third = grid();
        third.add(new VBox(4, init, readOnly, noNewPrivileges, keepDefaults), 0, 0, 2, 1);
        third.addRow(1, label("Capabilities"), capabilities);
        HBox capabilityActions = new HBox(8, useProfileCapabilities, capabilitiesHint);
        capabilityActions.setAlignment(Pos.CENTER_LEFT);
        third.add(capabilityActions, 0, 2, 2, 1);
        for (GridPane column : List.of(first, second, third)) {
            HBox.setHgrow(column, Priority.ALWAYS);
            column.setMinWidth(220);
            column.setPrefWidth(300);
        }
        HBox columns = new HBox(20, first, second, third);
        HBox.setHgrow(runLine, Priority.ALWAYS);
        HBox line = new HBox(8, runLine, copy);
        line.setAlignment(Pos.TOP_LEFT);
        Label lineTitle = new Label("Equivalent command");
        lineTitle.getStyleClass().add("details-key");
        VBox content = new VBox(8, columns, problems, lineTitle, line, savedWhere);
        content.getStyleClass().add("run-configuration-content");
        setContent(content);

        for (TextInputControl input : List.of(image, command, environment, mounts, ports, user, capabilities)) {
            input.textProperty().addListener((obs, old, text) -> edited());
        }
        network.valueProperty().addListener((obs, old, value) -> edited());
        network.getEditor().textProperty().addListener((obs, old, value) -> edited());
        for (CheckBox box : List.of(init, readOnly, noNewPrivileges, keepDefaults)) {
            box.selectedProperty().addListener((obs, old, on) -> edited());
        }
        capabilities.textProperty().addListener((obs, old, text) -> {
            if (!filling) {
                capabilitiesChosen.add(context.key());
            }
        });
        saveLater.setOnFinished(event -> saveNow());
        fill(configuration.get());
    }

    /** The configuration as the form holds it now (may have {@link RunConfiguration#problems()}). */
    ReadOnlyObjectProperty<RunConfiguration> configurationProperty() {
        return configuration.getReadOnlyProperty();
    }

    RunConfiguration configuration() {
        return configuration.get();
    }

    /** What keeps the form's configuration from running: unreadable lines and the configuration's own problems. */
    List<String> problems() {
        return formProblems.get();
    }

    ProfileContext context() {
        return context;
    }

    /**
     * Shows another profile's configuration: the one edited earlier in this session, else the saved
     * one, else a new one with the capabilities the profiles allow.
     */
    void show(ProfileContext newContext) {
        boolean sameDocument = newContext.key().equals(context.key());
        saveNow();
        context = newContext;
        updateCapabilitiesHint();
        if (sameDocument) {
            // The document was checked again: a configuration never saved and whose capabilities the
            // user has not typed follows the profiles' capability rules.
            boolean saved = context.file().flatMap(store::configurationFor).isPresent();
            if (!saved && !capabilitiesChosen.contains(context.key())) {
                presetCapabilities();
            }
            refreshLine();
            reportUnreadableFile();
            return;
        }
        RunConfiguration shown = known.get(context.key());
        if (shown == null && context.file().isPresent()) {
            shown = store.configurationFor(context.file().get()).orElse(null);
        }
        if (shown == null) {
            shown = RunConfiguration.forImage("").withCapabilities(context.capabilities().names());
        }
        fill(shown);
        reportUnreadableFile();
        savedWhere.setText(context.file().map(file -> "Saved for " + file + " in " + store.file() + ".")
                .orElse("Save the profile to keep this run configuration (it is kept per profile file)."));
    }

    /** Puts an image into the configuration (the images list's "Run This Image"). */
    void setImage(String reference) {
        image.setText(reference);
    }

    /** Writes a pending change now (the panel is closing, or another document is shown). */
    void saveNow() {
        if (saveLater.getStatus() == javafx.animation.Animation.Status.RUNNING) {
            saveLater.stop();
        }
        Optional<java.nio.file.Path> file = context.file();
        RunConfiguration current = configuration.get();
        if (file.isEmpty() || current == null) {
            return;
        }
        if (store.configurationFor(file.get()).map(current::equals).orElse(false)) {
            return;
        }
        if (current.image().isEmpty() && store.configurationFor(file.get()).isEmpty()) {
            return; // Nothing chosen yet: no file written for a profile the user never ran.
        }
        try {
            store.save(file.get(), current);
        } catch (IOException e) {
            onStoreProblem.accept("The run configuration could not be saved to " + store.file() + " ("
                    + e.getMessage() + "); it is kept while ArmorBench runs.");
        }
        reportUnreadableFile();
    }

    private void reportUnreadableFile() {
        store.takeWarning().ifPresent(onStoreProblem);
    }

    private void edited() {
        if (filling) {
            return;
        }
        List<String> found = new ArrayList<>();
        RunFormText.Read<Map<String, String>> env = RunFormText.environment(environment.getText());
        RunFormText.Read<List<RunConfiguration.BindMount>> mountList = RunFormText.mounts(mounts.getText());
        RunFormText.Read<List<RunConfiguration.PublishedPort>> portList = RunFormText.ports(ports.getText());
        found.addAll(env.problems());
        found.addAll(mountList.problems());
        found.addAll(portList.problems());
        String networkText = network.isEditable() ? network.getEditor().getText() : network.getValue();
        RunConfiguration updated = new RunConfiguration(image.getText(), RunFormText.command(command.getText()),
                env.value(), mountList.value(), portList.value(), user.getText(), init.isSelected(),
                networkText == null ? "" : networkText, readOnly.isSelected(), noNewPrivileges.isSelected(),
                keepDefaults.isSelected(), RunFormText.capabilities(capabilities.getText()));
        found.addAll(updated.problems());
        formProblems.set(List.copyOf(found));
        configuration.set(updated);
        known.put(context.key(), updated);
        problems.setText(String.join("\n", found));
        problems.setVisible(!found.isEmpty());
        refreshLine();
        saveLater.playFromStart();
    }

    private void fill(RunConfiguration shown) {
        filling = true;
        try {
            image.setText(shown.image());
            command.setText(String.join("\n", shown.command()));
            environment.setText(RunFormText.environment(shown.environment()));
            mounts.setText(RunFormText.mounts(shown.mounts()));
            ports.setText(RunFormText.ports(shown.ports()));
            user.setText(shown.user());
            network.getEditor().setText(shown.network());
            network.setValue(shown.network());
            init.setSelected(shown.init());
            readOnly.setSelected(shown.readOnlyRootFilesystem());
            noNewPrivileges.setSelected(shown.noNewPrivileges());
            keepDefaults.setSelected(shown.keepDefaultCapabilities());
            capabilities.setText(String.join(" ", shown.capabilities()));
        } finally {
            filling = false;
        }
        edited();
        saveLater.stop();
    }

    private void presetCapabilities() {
        String preset = String.join(" ", context.capabilities().names());
        if (!preset.equals(capabilities.getText())) {
            filling = true;
            try {
                capabilities.setText(preset);
            } finally {
                filling = false;
            }
            edited();
        }
    }

    private void refreshLine() {
        runLine.setText(DockerRunCommand.of(configuration.get(), context.appArmorProfile()).shellLine());
    }

    private void updateCapabilitiesHint() {
        ProfileCapabilities needed = context.capabilities();
        if (needed.allowsAll()) {
            capabilitiesHint.setText("A profile allows every capability; choose the ones the container needs.");
        } else if (needed.names().isEmpty()) {
            capabilitiesHint.setText("The profiles allow no capability.");
        } else {
            capabilitiesHint.setText("The profiles allow: " + String.join(" ", needed.names()));
        }
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, fields);
        return grid;
    }

    private static Label label(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("details-key");
        return label;
    }

    private static TextField field(String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        return field;
    }

    private static TextArea area(String id, String prompt) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setPromptText(prompt);
        area.setPrefRowCount(2);
        area.setPrefColumnCount(24);
        area.getStyleClass().add("form-area");
        return area;
    }

    private static CheckBox check(String id, String text) {
        CheckBox box = new CheckBox(text);
        box.setId(id);
        return box;
    }
}
