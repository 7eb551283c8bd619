package dev.armorbench.ui.docker;

import dev.armorbench.trial.EngineProblem;
import dev.armorbench.trial.EngineStatus;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The top of the Docker panel: which engine, its version, whether it applies AppArmor profiles;
 * or, when it cannot be used, what is wrong and what to do, with a button to try again.
 */
final class EngineHeader extends VBox {
    private final FontIcon icon = new FontIcon("mdi2d-docker");
    private final Label summary = new Label();
    private final Label appArmor = new Label();
    private final Label problemTitle = new Label();
    private final Label problemText = new Label();
    private final VBox problemBox;
    private final Button retry = new Button("Try Again", new FontIcon("mdi2r-refresh"));

    EngineHeader(EngineConnection connection) {
        getStyleClass().add("engine-header");
        summary.setId("docker-engine-summary");
        summary.getStyleClass().add("engine-summary");
        summary.setMinWidth(0);
        appArmor.setId("docker-engine-apparmor");
        appArmor.getStyleClass().add("apparmor-badge");
        appArmor.setMinWidth(Region.USE_PREF_SIZE);
        Button refresh = new Button(null, new FontIcon("mdi2r-refresh"));
        refresh.setId("docker-engine-refresh");
        refresh.getStyleClass().addAll("flat", "button-icon");
        refresh.setTooltip(new Tooltip("Ask the engine again (version, AppArmor, images)"));
        refresh.setOnAction(event -> connection.refresh());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox line = new HBox(8, icon, summary, appArmor, spacer, refresh);
        line.setAlignment(Pos.CENTER_LEFT);
        line.getStyleClass().add("engine-line");

        problemTitle.getStyleClass().add("problem-title");
        problemTitle.setId("docker-engine-problem-title");
        problemText.setId("docker-engine-problem");
        problemText.setWrapText(true);
        problemText.setMinHeight(Region.USE_PREF_SIZE);
        retry.setId("docker-engine-retry");
        retry.setOnAction(event -> connection.refresh());
        Label retrying = new Label("ArmorBench asks again every "
                + (int) EngineConnection.RETRY_AFTER.toSeconds() + " s while the engine cannot be reached.");
        retrying.getStyleClass().add("hint");
        retrying.setWrapText(true);
        HBox actions = new HBox(10, retry, retrying);
        actions.setAlignment(Pos.CENTER_LEFT);
        problemBox = new VBox(4, problemTitle, problemText, actions);
        problemBox.getStyleClass().add("engine-problem");
        problemBox.setId("docker-engine-problem-box");
        problemBox.managedProperty().bind(problemBox.visibleProperty());
        getChildren().addAll(line, problemBox);

        connection.stateProperty().addListener((obs, old, state) -> show(state));
        show(connection.state());
    }

    private void show(EngineState state) {
        icon.getStyleClass().removeAll("engine-ok", "engine-bad", "engine-waiting");
        appArmor.getStyleClass().removeAll("yes", "no");
        switch (state.phase()) {
            case NOT_CONNECTED, CONNECTING -> {
                icon.getStyleClass().add("engine-waiting");
                summary.setText("Connecting to " + state.endpoint().describe() + " …");
                appArmor.setText("");
                appArmor.setVisible(false);
                problemBox.setVisible(false);
            }
            case CONNECTED -> {
                EngineStatus status = state.status().orElseThrow();
                icon.getStyleClass().add("engine-ok");
                summary.setText("Docker " + status.version() + " (API " + status.apiVersion() + ") at "
                        + status.endpoint().describe());
                summary.setTooltip(new Tooltip(status.operatingSystem() + ", kernel " + status.kernelVersion()
                        + "\nSecurity options: " + String.join("; ", status.securityOptions())));
                appArmor.setVisible(true);
                if (status.appArmorEnabled()) {
                    appArmor.setText("AppArmor: yes");
                    appArmor.getStyleClass().add("yes");
                    appArmor.setTooltip(new Tooltip("The engine applies --security-opt apparmor=PROFILE."));
                } else {
                    appArmor.setText("AppArmor: no");
                    appArmor.getStyleClass().add("no");
                    appArmor.setTooltip(new Tooltip("The engine does not list AppArmor among its security options:"
                            + " it accepts --security-opt apparmor=PROFILE and ignores it, so containers run"
                            + " unconfined. Enable AppArmor in the kernel (apparmor=1 security=apparmor)."));
                }
                problemBox.setVisible(state.endpoint().warning().isPresent());
                state.endpoint().warning().ifPresent(warning -> {
                    problemTitle.setText("Docker context");
                    problemText.setText(warning);
                });
            }
            case UNAVAILABLE -> {
                EngineProblem problem = state.problem().orElseThrow();
                icon.getStyleClass().add("engine-bad");
                summary.setText("No usable Docker engine at " + state.endpoint().describe());
                appArmor.setText("");
                appArmor.setVisible(false);
                problemTitle.setText(titleOf(problem.kind()));
                problemText.setText(problem.message());
                problemBox.setVisible(true);
            }
        }
    }

    /** A few words for the problem's kind, above the message that names the fix. */
    static String titleOf(EngineProblem.Kind kind) {
        return switch (kind) {
            case NO_ENGINE -> "No Docker engine is running";
            case PERMISSION_DENIED -> "Permission denied on the Docker socket";
            case ENGINE_TOO_OLD -> "The Docker engine is too old";
            case ENGINE_GONE -> "The Docker engine went away";
            case UNSUPPORTED_ENDPOINT -> "ArmorBench cannot reach this kind of address";
            case TIMED_OUT -> "The Docker engine does not answer";
            case MISSING_IMAGE -> "No such image";
            case MISSING_CONTAINER -> "No such container";
            case APPARMOR_PROFILE_NOT_LOADED -> "The profile is not loaded";
            case ENGINE_REFUSED -> "The Docker engine refused";
        };
    }
}
