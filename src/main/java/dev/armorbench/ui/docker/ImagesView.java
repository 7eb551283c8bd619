package dev.armorbench.ui.docker;

import dev.armorbench.trial.ImageDetails;
import dev.armorbench.trial.ImageSummary;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The engine's images: a filterable table, and for the chosen image what it runs, as whom, where and
 * with which environment. The chosen image's details are published for the tree's entry point analysis.
 */
final class ImagesView extends SplitPane {
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final EngineConnection connection;
    private final ObservableList<ImageSummary> images = FXCollections.observableArrayList();
    private final FilteredList<ImageSummary> shown = new FilteredList<>(images);
    private final TableView<ImageSummary> table = new TableView<>(shown);
    private final TextField filter = new TextField();
    private final Label placeholder = new Label("No images yet");
    private final ImageDetailsPane details = new ImageDetailsPane();
    private final ReadOnlyObjectWrapper<ImageDetails> chosen = new ReadOnlyObjectWrapper<>();
    /** The image the run configuration names, chosen once it is listed. */
    private String wanted;
    private int listing;
    private int inspecting;

    /** @param useImage called with the image's name when the user picks it for the profile's runs */
    ImagesView(EngineConnection connection, Consumer<String> useImage) {
        this.connection = connection;
        getStyleClass().add("images-view");
        filter.setId("docker-images-filter");
        filter.setPromptText("Filter images by name or id");
        HBox.setHgrow(filter, Priority.ALWAYS);
        filter.textProperty().addListener((obs, old, text) -> shown.setPredicate(image -> image.matches(text)));
        Button refresh = new Button(null, new FontIcon("mdi2r-refresh"));
        refresh.setId("docker-images-refresh");
        refresh.getStyleClass().addAll("flat", "button-icon");
        refresh.setTooltip(new Tooltip("List the images again"));
        refresh.setOnAction(event -> refresh());
        HBox bar = new HBox(4, filter, refresh);
        bar.setAlignment(Pos.CENTER_LEFT);

        table.setId("docker-images");
        table.setPlaceholder(placeholder);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Repository:tag", 220, ImageSummary::displayName));
        table.getColumns().add(column("Id", 110, ImageSummary::shortId));
        table.getColumns().add(column("Size", 70, image -> size(image.sizeBytes())));
        table.getColumns().add(column("Created", 130, image -> CREATED.format(image.created())));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, image) -> inspect(image));
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox left = new VBox(4, bar, table);
        left.getStyleClass().add("images-list");

        Button use = new Button("Run This Image", new FontIcon("mdi2p-play-box-outline"));
        use.setId("docker-image-use");
        use.setTooltip(new Tooltip("Use this image in the current profile's run configuration"));
        use.disableProperty().bind(chosen.isNull());
        use.setOnAction(event -> {
            ImageDetails image = chosen.get();
            if (image != null) {
                useImage.accept(nameOf(image));
            }
        });
        BorderPane right = new BorderPane(details);
        HBox actions = new HBox(use);
        actions.getStyleClass().add("image-actions");
        right.setBottom(actions);
        getItems().addAll(left, right);
        setOrientation(Orientation.HORIZONTAL);
        setDividerPositions(0.55);

        connection.stateProperty().addListener((obs, old, state) -> {
            if (state.isConnected() && (old == null || !old.isConnected())) {
                refresh();
            } else if (!state.isConnected() && state.phase() == EngineState.Phase.UNAVAILABLE) {
                placeholder.setText("The engine cannot be reached; see above.");
            }
        });
    }

    /** The details of the image chosen in the table, or null. */
    ReadOnlyObjectProperty<ImageDetails> chosenProperty() {
        return chosen.getReadOnlyProperty();
    }

    TableView<ImageSummary> table() {
        return table;
    }

    TextField filterField() {
        return filter;
    }

    /** Lists the images again, keeping the chosen one chosen when it is still there. */
    void refresh() {
        int asked = ++listing;
        placeholder.setText("Listing images …");
        connection.call(engine -> engine.images(EngineConnection.CALL_TIMEOUT), list -> {
            if (asked == listing) {
                show(list);
            }
        }, problem -> {
            if (asked == listing) {
                placeholder.setText("Could not list the images: " + problem.message());
            }
        });
    }

    /** Chooses the image with this name (or id) in the table, when listed. */
    void choose(String reference) {
        wanted = reference;
        for (ImageSummary image : shown) {
            if (image.repoTags().contains(reference) || image.id().equals(reference)
                    || image.shortId().equals(reference)) {
                table.getSelectionModel().select(image);
                table.scrollTo(image);
                return;
            }
        }
    }

    private void show(List<ImageSummary> list) {
        String selectedId = table.getSelectionModel().getSelectedItem() == null ? null
                : table.getSelectionModel().getSelectedItem().id();
        images.setAll(list);
        placeholder.setText(images.isEmpty() ? "The engine has no images. Pull or build one (docker pull NAME)."
                : "No image matches the filter.");
        if (selectedId != null) {
            shown.stream().filter(image -> image.id().equals(selectedId)).findFirst()
                    .ifPresent(image -> table.getSelectionModel().select(image));
        } else if (wanted != null) {
            choose(wanted);
        }
    }

    private void inspect(ImageSummary image) {
        int asked = ++inspecting;
        if (image == null) {
            return;
        }
        String reference = image.repoTags().isEmpty() ? image.id() : image.repoTags().get(0);
        details.showLoading(image.displayName());
        connection.call(engine -> engine.inspectImage(reference, EngineConnection.CALL_TIMEOUT), inspected -> {
            if (asked == inspecting) {
                details.show(inspected);
                chosen.set(inspected);
            }
        }, problem -> {
            if (asked == inspecting) {
                details.showProblem(problem);
                chosen.set(null);
            }
        });
    }

    static String nameOf(ImageDetails image) {
        return image.repoTags().isEmpty() ? image.id() : image.repoTags().get(0);
    }

    /** Sizes as {@code docker images} prints them: decimal units, three significant digits. */
    static String size(long bytes) {
        String[] units = {"B", "kB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return unit == 0 ? bytes + "B" : String.format(Locale.ROOT, value < 10 ? "%.2f%s" : value < 100 ? "%.1f%s" : "%.0f%s",
                value, units[unit]);
    }

    private static TableColumn<ImageSummary, String> column(String title, double width,
            java.util.function.Function<ImageSummary, String> value) {
        TableColumn<ImageSummary, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }
}
