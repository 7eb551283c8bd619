package dev.armorbench.ui.editor;

import dev.armorbench.policy.check.Severity;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import org.fxmisc.richtext.CodeArea;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The gutter left of each line: a problem marker (with the problems as its tooltip), the line number,
 * and a fold arrow where a block opens. Built from whichever of {@link ProblemTracking} and
 * {@link Folding} are installed.
 */
public final class LineGutter implements EditorComponent {
    private CodeArea area;
    private ProfileEditor editor;
    private final ListChangeListener<Problem> problemsChanged = change -> refreshIfMarkersMoved();
    /** The marker each line shows, as last drawn: a new check that changes none of them redraws nothing. */
    private java.util.Map<Integer, String> drawnMarkers = java.util.Map.of();
    private LineBlocks blocks = (line, gutterWidth) -> null;
    /** The gutter's width as last laid out; blocks under lines line their own gutter column up with it. */
    private final javafx.beans.property.ReadOnlyDoubleWrapper gutterWidth = new javafx.beans.property.ReadOnlyDoubleWrapper(40);

    @Override
    public void install(ProfileEditor editor) {
        this.editor = editor;
        this.area = editor.area();
        area.setParagraphGraphicFactory(factory());
        editor.component(ProblemTracking.class).ifPresent(p -> p.problems().addListener(problemsChanged));
        editor.component(Folding.class).ifPresent(f -> f.setOnStructureChanged(this::refresh));
    }

    @Override
    public void uninstall(ProfileEditor editor) {
        editor.component(ProblemTracking.class).ifPresent(p -> p.problems().removeListener(problemsChanged));
        editor.component(Folding.class).ifPresent(f -> f.setOnStructureChanged(() -> { }));
        area.setParagraphGraphicFactory(null);
    }

    private void refreshIfMarkersMoved() {
        java.util.Map<Integer, String> markers = new java.util.HashMap<>();
        editor.component(ProblemTracking.class).ifPresent(tracking -> {
            for (Problem problem : tracking.problems()) {
                markers.merge(problem.line(), problem.severity().label() + ": " + problem.message(),
                        (a, b) -> a + "\n" + b);
            }
        });
        if (!markers.equals(drawnMarkers)) {
            drawnMarkers = markers;
            refresh();
        }
    }

    /** Shows blocks under lines (null: none); the visible lines are drawn again. */
    public void setLineBlocks(LineBlocks blocks) {
        this.blocks = blocks == null ? (line, width) -> null : blocks;
        refresh();
    }

    /** Rebuilds the visible gutters (the area only builds them for lines on screen). */
    public void refresh() {
        area.setParagraphGraphicFactory(factory());
    }

    private IntFunction<Node> factory() {
        return line -> {
            Label number = new Label(Integer.toString(line + 1));
            number.getStyleClass().add("lineno");
            number.setMinWidth(Math.max(3, String.valueOf(area.getParagraphs().size()).length()) * 8 + 10);
            number.setAlignment(Pos.CENTER_RIGHT);

            StackPane marker = new StackPane();
            marker.getStyleClass().add("gutter-marker");
            marker.setMinWidth(16);
            editor.component(ProblemTracking.class).ifPresent(problems -> {
                Severity severity = problems.severityOnLine(line);
                if (severity != null) {
                    FontIcon icon = new FontIcon(switch (severity) {
                        case ERROR -> "mdi2c-close-circle";
                        case WARNING -> "mdi2a-alert";
                        case INFO -> "mdi2i-information";
                    });
                    icon.getStyleClass().add("marker-" + severity.label());
                    marker.getChildren().add(icon);
                    Tooltip.install(marker, new Tooltip(problems.problemsOnLine(line).stream()
                            .map(p -> p.severity().label() + ": " + p.message() + " [" + p.code() + "]")
                            .collect(Collectors.joining("\n"))));
                    editor.component(QuickFixes.class).ifPresent(fixes -> marker.setOnMouseClicked(event -> {
                        fixes.showForLine(line);
                        event.consume();
                    }));
                }
            });

            StackPane fold = new StackPane();
            fold.setMinWidth(14);
            fold.getStyleClass().add("gutter-fold");
            editor.component(Folding.class).ifPresent(folding -> {
                if (folding.canFold(line)) {
                    FontIcon arrow = new FontIcon(folding.isFolded(line) ? "mdi2c-chevron-right" : "mdi2c-chevron-down");
                    arrow.getStyleClass().add("fold-arrow");
                    fold.getChildren().add(arrow);
                    fold.setOnMouseClicked(event -> {
                        folding.toggle(line);
                        event.consume();
                    });
                }
            });

            HBox gutter = new HBox(marker, number, fold);
            gutter.setAlignment(Pos.CENTER_LEFT);
            gutter.getStyleClass().add("line-gutter");
            javafx.scene.layout.Region block = blocks.blockBelow(line, gutterWidth.getReadOnlyProperty());
            return block == null ? gutter : new BlockBelowLine(gutter, block, area, gutterWidth);
        };
    }
}
