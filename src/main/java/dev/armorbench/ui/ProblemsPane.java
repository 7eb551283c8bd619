package dev.armorbench.ui;

import dev.armorbench.policy.check.Severity;
import dev.armorbench.ui.editor.Problem;
import java.util.Comparator;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Problems list of the selected document: every diagnostic with its line, filterable by severity;
 * a click (or Enter) jumps to it in the editor.
 */
final class ProblemsPane extends BorderPane {
    /**
     * Errors, then warnings, then notes, each in the order of the text: what stops the profile from
     * loading is on top, not under a long note from the container check at an earlier line.
     */
    private static final Comparator<Problem> MOST_SEVERE_FIRST =
            Comparator.comparing(Problem::severity).thenComparingInt(Problem::start);
    private final CheckBox errors = filter("Errors", "mdi2c-close-circle", "marker-error");
    private final CheckBox warnings = filter("Warnings", "mdi2a-alert", "marker-warning");
    private final CheckBox infos = filter("Info", "mdi2i-information", "marker-info");
    private final ListView<Problem> list = new ListView<>();
    private final Label summary = new Label();
    private FilteredList<Problem> shown = new FilteredList<>(FXCollections.observableArrayList());

    ProblemsPane(Consumer<Problem> jumpTo) {
        getStyleClass().add("problems-pane");
        list.setId("problems-list");
        list.setPlaceholder(new Label("No problems"));
        list.setCellFactory(view -> new ProblemCell());
        list.setOnMouseClicked(event -> {
            Problem selected = list.getSelectionModel().getSelectedItem();
            if (selected != null) {
                jumpTo.accept(selected);
            }
        });
        list.setOnKeyPressed(event -> {
            Problem selected = list.getSelectionModel().getSelectedItem();
            if (event.getCode() == KeyCode.ENTER && selected != null) {
                jumpTo.accept(selected);
            }
        });
        Label title = new Label("Problems");
        title.getStyleClass().add("pane-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        summary.setId("problems-summary");
        HBox header = new HBox(12, title, summary, spacer, errors, warnings, infos);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(4, 8, 4, 8));
        header.getStyleClass().add("pane-header");
        setTop(header);
        setCenter(list);
        errors.selectedProperty().addListener((obs, old, on) -> refilter());
        warnings.selectedProperty().addListener((obs, old, on) -> refilter());
        infos.selectedProperty().addListener((obs, old, on) -> refilter());
    }

    /** Shows the problems of another document (or none). */
    void show(ObservableList<Problem> problems) {
        shown = new FilteredList<>(problems == null ? FXCollections.observableArrayList() : problems);
        refilter();
        list.setItems(new SortedList<>(shown, MOST_SEVERE_FIRST));
        summary.textProperty().bind(Bindings.createStringBinding(() -> describe(shown.getSource()),
                shown.getSource()));
    }

    ListView<Problem> list() {
        return list;
    }

    void showOnly(Severity severity, boolean on) {
        (severity == Severity.ERROR ? errors : severity == Severity.WARNING ? warnings : infos).setSelected(on);
    }

    private void refilter() {
        shown.setPredicate(problem -> switch (problem.severity()) {
            case ERROR -> errors.isSelected();
            case WARNING -> warnings.isSelected();
            case INFO -> infos.isSelected();
        });
    }

    private static String describe(java.util.List<? extends Problem> problems) {
        long errorCount = problems.stream().filter(p -> p.severity() == Severity.ERROR).count();
        long warningCount = problems.stream().filter(p -> p.severity() == Severity.WARNING).count();
        return count(errorCount, "error") + ", " + count(warningCount, "warning");
    }

    private static String count(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private static CheckBox filter(String text, String icon, String style) {
        FontIcon graphic = new FontIcon(icon);
        graphic.getStyleClass().add(style);
        CheckBox box = new CheckBox(text);
        box.setGraphic(graphic);
        box.setSelected(true);
        return box;
    }

    /**
     * One problem: its icon beside the first line of the message, not centred on a message that
     * wraps over several lines. A Labeled centres its graphic on its text, so the text is a label of
     * its own in a row aligned to the top.
     */
    private static final class ProblemCell extends ListCell<Problem> {
        private final StackPane iconHolder = new StackPane();
        private final Label message = new Label();
        private final HBox row = new HBox(6, iconHolder, message);

        ProblemCell() {
            // Messages name their fix and can be long: wrap them to the list's width instead of cutting them.
            message.setWrapText(true);
            message.setMinWidth(0);
            message.getStyleClass().add("problem-message");
            HBox.setHgrow(message, Priority.ALWAYS);
            iconHolder.getStyleClass().add("problem-icon");
            row.setAlignment(Pos.TOP_LEFT);
            row.setFillHeight(false); // the icon's holder stays one line tall (armorbench.css)
            row.setMinWidth(0);
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(Problem problem, boolean empty) {
            super.updateItem(problem, empty);
            if (empty || problem == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            FontIcon icon = new FontIcon(switch (problem.severity()) {
                case ERROR -> "mdi2c-close-circle";
                case WARNING -> "mdi2a-alert";
                case INFO -> "mdi2i-information";
            });
            icon.getStyleClass().add("marker-" + problem.severity().label());
            iconHolder.getChildren().setAll(icon);
            String text = problem.message() + "   [" + problem.code() + "]   line " + (problem.line() + 1)
                    + ", column " + (problem.column() + 1);
            message.setText(text);
            setText(text); // not shown (graphic only): for accessibility and for tests that read a cell
            setGraphic(row);
        }

        Label message() {
            return message;
        }

        Node icon() {
            return iconHolder;
        }
    }
}
