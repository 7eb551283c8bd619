package dev.armorbench.ui.docker;

import dev.armorbench.trial.EngineProblem;
import dev.armorbench.trial.ImageCommand;
import dev.armorbench.trial.ImageDetails;
import dev.armorbench.trial.ShellQuoting;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** What the chosen image runs: Entrypoint and Cmd with their form, user, working directory, environment. */
final class ImageDetailsPane extends ScrollPane {
    private final Label title = new Label("Choose an image");
    private final GridPane grid = new GridPane();

    ImageDetailsPane() {
        getStyleClass().add("image-details");
        setId("docker-image-details");
        setFitToWidth(true);
        title.getStyleClass().add("details-title");
        title.setWrapText(true);
        grid.setHgap(10);
        grid.setVgap(4);
        grid.getStyleClass().add("details-grid");
        VBox content = new VBox(8, title, grid);
        content.getStyleClass().add("details-content");
        setContent(content);
    }

    void showLoading(String name) {
        title.setText(name);
        grid.getChildren().clear();
        row(0, "", "Inspecting …");
    }

    void showProblem(EngineProblem problem) {
        grid.getChildren().clear();
        row(0, "", problem.message());
    }

    void show(ImageDetails image) {
        title.setText(ImagesView.nameOf(image));
        grid.getChildren().clear();
        int row = 0;
        row(row++, "Entrypoint", describe(image.entrypoint()));
        row(row++, "Cmd", describe(image.command()));
        row(row++, "Runs", image.effectiveCommand().isEmpty() ? "nothing: give a command in the run configuration"
                : ShellQuoting.join(image.effectiveCommand()));
        row(row++, "User", image.user().isEmpty() ? "root (not set)" : image.user());
        row(row++, "Workdir", image.workingDir().isEmpty() ? "/ (not set)" : image.workingDir());
        row(row, "Env", image.environment().isEmpty() ? "(none)" : String.join("\n", image.environment()));
    }

    private void row(int row, String name, String value) {
        Label key = new Label(name);
        key.getStyleClass().add("details-key");
        key.setMinWidth(Region.USE_PREF_SIZE);
        Label text = new Label(value);
        text.getStyleClass().add("details-value");
        text.setWrapText(true);
        text.setId("docker-image-" + name.toLowerCase(java.util.Locale.ROOT));
        GridPane.setHgrow(text, Priority.ALWAYS);
        grid.add(key, 0, row);
        grid.add(text, 1, row);
    }

    /** {@code exec form: ["/bin/echo", "hi"]} or {@code shell form: echo hi} (run by /bin/sh -c). */
    static String describe(Optional<ImageCommand> command) {
        if (command.isEmpty()) {
            return "(not set)";
        }
        ImageCommand value = command.get();
        if (value.form() == ImageCommand.Form.SHELL) {
            return "shell form: " + value.shellScript().orElse("") + "   (run by /bin/sh -c)";
        }
        StringBuilder json = new StringBuilder("exec form: [");
        for (int i = 0; i < value.arguments().size(); i++) {
            json.append(i == 0 ? "" : ", ").append('"')
                    .append(value.arguments().get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return json.append(']').toString();
    }
}
