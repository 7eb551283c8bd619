package dev.armorbench.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputDialog;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** {@link UserPrompts} as JavaFX dialogs owned by the main window. */
public class FxUserPrompts implements UserPrompts {
    static final ButtonType SAVE = new ButtonType("Save", ButtonData.YES);
    static final ButtonType DISCARD = new ButtonType("Discard", ButtonData.NO);
    static final ButtonType RELOAD = new ButtonType("Reload", ButtonData.YES);
    static final ButtonType KEEP_MINE = new ButtonType("Keep Editor Version", ButtonData.NO);
    static final ButtonType OVERWRITE = new ButtonType("Overwrite", ButtonData.YES);

    private final Window owner;

    public FxUserPrompts(Window owner) {
        this.owner = owner;
    }

    @Override
    public UnsavedAnswer askSaveChanges(String documentName) {
        Alert alert = alert(Alert.AlertType.CONFIRMATION, "Unsaved changes",
                "Save the changes to " + documentName + "?",
                "Your changes are lost if you discard them.", SAVE, DISCARD, ButtonType.CANCEL);
        ButtonType answer = alert.showAndWait().orElse(ButtonType.CANCEL);
        if (answer == SAVE) {
            return UnsavedAnswer.SAVE;
        }
        return answer == DISCARD ? UnsavedAnswer.DISCARD : UnsavedAnswer.CANCEL;
    }

    @Override
    public DiskChangeAnswer askReloadChanged(String documentName, boolean editorHasChanges) {
        String detail = editorHasChanges
                ? "Reloading replaces your unsaved changes with the version on disk."
                : "Reload it to see the version on disk.";
        Alert alert = alert(Alert.AlertType.WARNING, "File changed on disk",
                documentName + " was changed by another program.", detail, RELOAD, KEEP_MINE);
        return alert.showAndWait().orElse(KEEP_MINE) == RELOAD ? DiskChangeAnswer.RELOAD : DiskChangeAnswer.KEEP_MINE;
    }

    @Override
    public boolean confirmOverwriteChanged(String documentName) {
        Alert alert = alert(Alert.AlertType.WARNING, "File changed on disk",
                documentName + " was changed by another program since you opened it.",
                "Saving overwrites those changes with the editor's text.", OVERWRITE, ButtonType.CANCEL);
        return alert.showAndWait().orElse(ButtonType.CANCEL) == OVERWRITE;
    }

    @Override
    public void showError(String title, String message) {
        alert(Alert.AlertType.ERROR, title, title, message, ButtonType.OK).showAndWait();
    }

    @Override
    public Optional<java.util.List<String>> askIncludePath(java.util.List<String> current) {
        javafx.scene.control.Dialog<java.util.List<String>> dialog = new javafx.scene.control.Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Include Search Path");
        dialog.setHeaderText("Where include <…> and abi <…> look, in order (one directory per line)");
        javafx.scene.control.TextArea directories = new javafx.scene.control.TextArea(String.join("\n", current));
        directories.setId("include-path");
        directories.setPrefRowCount(6);
        directories.setPrefColumnCount(50);
        Label hint = new Label("The system's policy is in /etc/apparmor.d. Relative includes (\"…\") resolve "
                + "against the profile's own directory.");
        hint.setWrapText(true);
        dialog.getDialogPane().setContent(new javafx.scene.layout.VBox(8, directories, hint));
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(button -> button == ButtonType.OK
                ? directories.getText().lines().map(String::strip).filter(line -> !line.isEmpty()).toList()
                : null);
        return dialog.showAndWait();
    }

    @Override
    public Optional<Integer> askLineNumber(int lineCount) {
        TextInputDialog dialog = new TextInputDialog();
        dialog.initOwner(owner);
        dialog.setTitle("Go to Line");
        dialog.setHeaderText("Go to line (1–" + lineCount + ")");
        dialog.getEditor().setId("go-to-line");
        return dialog.showAndWait().flatMap(text -> {
            try {
                return Optional.of(Integer.parseInt(text.strip()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public void showInformation(String title, String message) {
        alert(Alert.AlertType.INFORMATION, title, title, message, ButtonType.OK).showAndWait();
    }

    @Override
    public Optional<Path> chooseFileToOpen(Path initialDirectory) {
        FileChooser chooser = profileChooser("Open Profile", initialDirectory);
        return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
    }

    @Override
    public List<Path> chooseLogFiles(Path initialDirectory) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import Log (several: a log with its rotated files)");
        if (initialDirectory != null && Files.isDirectory(initialDirectory)) {
            chooser.setInitialDirectory(initialDirectory.toFile());
        }
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("All files", "*"),
                new FileChooser.ExtensionFilter("Logs", "*.log", "audit.log*", "syslog*", "kern.log*", "*.txt", "*.gz"));
        List<File> chosen = chooser.showOpenMultipleDialog(owner);
        return chosen == null ? List.of() : chosen.stream().map(File::toPath).toList();
    }

    @Override
    public Optional<Path> chooseFileToSave(Path initialDirectory, String suggestedName) {
        FileChooser chooser = profileChooser("Save Profile As", initialDirectory);
        chooser.setInitialFileName(suggestedName);
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
    }

    private static FileChooser profileChooser(String title, Path initialDirectory) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        if (initialDirectory != null && Files.isDirectory(initialDirectory)) {
            chooser.setInitialDirectory(initialDirectory.toFile());
        }
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("All files", "*"),
                new FileChooser.ExtensionFilter("AppArmor profiles", "*.profile", "*.apparmor"));
        return chooser;
    }

    private Alert alert(Alert.AlertType type, String title, String header, String content, ButtonType... buttons) {
        Alert alert = new Alert(type, "", buttons);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(header);
        // A wrapping label: long paths and error causes must be readable, not cut with an ellipsis.
        Label text = new Label(content);
        text.setWrapText(true);
        text.setMaxWidth(520);
        text.getStyleClass().add("dialog-message");
        alert.getDialogPane().setContent(text);
        return alert;
    }
}
