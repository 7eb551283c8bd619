package dev.armorbench.ui.tree;

import dev.armorbench.container.TreeNode;
import dev.armorbench.container.TreeNode.Marker;
import dev.armorbench.policy.check.Severity;
import java.util.stream.Collectors;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.layout.HBox;

/** One row: icon, label, the mode of a profile, and the diagnostics' marker; the tooltip has the whole label and the diagnostics' messages. */
final class TransitionTreeCell extends TreeCell<TreeNode> {
    private static final String[] STATE_CLASSES = {"unconfined", "unresolved", "cycle", "linked", "external"};

    /** One per cell, its text set per row: a tooltip is a popup control, too heavy to make on every update. */
    private final Tooltip tooltip = new Tooltip();

    @Override
    protected void updateItem(TreeNode node, boolean empty) {
        super.updateItem(node, empty);
        getStyleClass().removeAll(STATE_CLASSES);
        if (empty || node == null) {
            setText(null);
            setGraphic(null);
            setTooltip(null);
            return;
        }
        Label name = new Label(node.label());
        name.getStyleClass().add("transition-tree-label");
        HBox row = new HBox(4, NodeGraphics.icon(node), name);
        String mode = NodeGraphics.modeText(node);
        if (!mode.isEmpty()) {
            Label modeLabel = new Label(mode);
            modeLabel.getStyleClass().add("transition-tree-mode");
            row.getChildren().add(modeLabel);
        }
        // The whole label first: a narrow tree pane cuts long ones (exec forms, nested profile names).
        String whole = mode.isEmpty() ? node.label() : node.label() + " (" + mode + ")";
        Severity worst = NodeGraphics.worst(node.diagnostics());
        if (worst != null) {
            row.getChildren().add(NodeGraphics.severityIcon(worst));
            tooltip.setText(whole + "\n" + node.diagnostics().stream()
                    .map(d -> d.diagnostic().severity().label() + ": " + d.message() + " [" + d.code() + "]")
                    .collect(Collectors.joining("\n")));
        } else {
            tooltip.setText(whole);
        }
        setTooltip(tooltip);
        if (node.has(Marker.UNCONFINED)) {
            getStyleClass().add("unconfined");
        }
        if (node.has(Marker.UNRESOLVED)) {
            getStyleClass().add("unresolved");
        }
        if (node.has(Marker.CYCLE)) {
            getStyleClass().add("cycle");
        }
        if (node.has(Marker.LINKED)) {
            getStyleClass().add("linked");
        }
        if (node.has(Marker.EXTERNAL)) {
            getStyleClass().add("external");
        }
        setText(null);
        setGraphic(row);
    }
}
