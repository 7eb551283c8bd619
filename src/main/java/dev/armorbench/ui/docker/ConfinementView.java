package dev.armorbench.ui.docker;

import dev.armorbench.trial.ConfinementLabel;
import dev.armorbench.trial.ContainerProcess;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * The running container's processes with the AppArmor label the kernel gives each: the live answer
 * to "which profile is this process under?".
 */
final class ConfinementView extends TableView<ContainerProcess> {
    private final ObservableList<ContainerProcess> processes = FXCollections.observableArrayList();

    ConfinementView() {
        setItems(processes);
        setId("docker-run-processes");
        getStyleClass().add("run-processes");
        setPlaceholder(new Label("The container's processes show here while it runs"));
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        TableColumn<ContainerProcess, String> pid = column("PID", 70, process -> Long.toString(process.hostPid()));
        pid.setMinWidth(60);
        TableColumn<ContainerProcess, String> command = column("Command", 200, ContainerProcess::command);
        command.setMinWidth(100);
        TableColumn<ContainerProcess, String> label = column("AppArmor", 130, process -> process.label().describe());
        label.setMinWidth(110);
        label.setCellFactory(column -> new LabelCell());
        TableColumn<ContainerProcess, String> user = column("User", 60, ContainerProcess::user);
        user.setMinWidth(45);
        getColumns().add(pid);
        getColumns().add(command);
        getColumns().add(label);
        getColumns().add(user);
    }

    void show(List<ContainerProcess> latest) {
        processes.setAll(latest);
    }

    void clear(String why) {
        processes.clear();
        setPlaceholder(new Label(why));
    }

    private static TableColumn<ContainerProcess, String> column(String title, double width,
            Function<ContainerProcess, String> value) {
        TableColumn<ContainerProcess, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }

    /** Confined in the accent colour, unconfined as a warning: the thing to notice at a glance. */
    private static final class LabelCell extends TableCell<ContainerProcess, String> {
        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            getStyleClass().removeAll("label-confined", "label-unconfined", "label-unknown");
            ContainerProcess process = getTableRow() == null ? null : getTableRow().getItem();
            if (empty || text == null || process == null) {
                setText(null);
                return;
            }
            setText(text);
            ConfinementLabel.State state = process.label().state();
            getStyleClass().add(state == ConfinementLabel.State.CONFINED ? "label-confined"
                    : state == ConfinementLabel.State.UNCONFINED ? "label-unconfined" : "label-unknown");
        }
    }
}
