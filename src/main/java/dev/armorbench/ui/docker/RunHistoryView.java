package dev.armorbench.ui.docker;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The runs of this session, newest first: time, image, exit code, duration, events by kind, suggestions. */
final class RunHistoryView extends TableView<RunRecord> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    RunHistoryView() {
        setId("docker-run-history");
        getStyleClass().add("run-history");
        setPlaceholder(new Label("No runs yet: press Run (Ctrl+R)"));
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        getColumns().add(column("Time", 70, run -> TIME.format(run.startedAt())));
        getColumns().add(column("Image", 180, RunRecord::image));
        getColumns().add(column("Exit", 50, run -> run.exitCode().isPresent() ? Long.toString(run.exitCode().getAsLong()) : "—"));
        getColumns().add(column("Duration", 70, RunRecord::durationText));
        getColumns().add(column("Events", 160, RunRecord::eventsText));
        getColumns().add(column("Suggestions", 80, run -> Integer.toString(run.suggestions())));
        getColumns().add(column("Outcome", 200, RunRecord::outcome));
    }

    void add(RunRecord run) {
        getItems().add(0, run);
    }

    private static TableColumn<RunRecord, String> column(String title, double width, Function<RunRecord, String> value) {
        TableColumn<RunRecord, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }
}
