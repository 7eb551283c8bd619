package dev.armorbench.ui.tree;

import dev.armorbench.container.ContainerDiagnostic;
import dev.armorbench.container.ProfileMode;
import dev.armorbench.container.TreeNode;
import dev.armorbench.container.TreeNode.Marker;
import dev.armorbench.policy.check.Severity;
import java.util.List;
import org.kordamp.ikonli.javafx.FontIcon;

/** The icon and style classes of a tree node: mode for profiles, kind for the rest, what stands out. */
final class NodeGraphics {
    private NodeGraphics() {
    }

    static FontIcon icon(TreeNode node) {
        String literal;
        if (node.has(Marker.CYCLE)) {
            literal = "mdi2r-repeat";
        } else if (node.has(Marker.UNCONFINED)) {
            literal = "mdi2s-shield-off-outline";
        } else if (node.has(Marker.UNRESOLVED)) {
            literal = "mdi2h-help-circle-outline";
        } else {
            literal = switch (node.kind()) {
                case PROFILE, CHILD, HAT, ROOT -> modeIcon(node.mode());
                case TRANSITION -> "mdi2a-arrow-right";
                case RULE -> "mdi2s-source-branch";
                case ENTRY_ROOT -> node.label().equals("docker exec") ? "mdi2c-console-line" : "mdi2p-play-circle-outline";
                case ENTRY, ENTRY_STEP -> "mdi2d-debug-step-into";
            };
        }
        FontIcon icon = new FontIcon(literal);
        icon.getStyleClass().add("transition-tree-icon");
        return icon;
    }

    private static String modeIcon(ProfileMode mode) {
        if (mode == null) {
            return "mdi2s-shield-half-full";
        }
        return switch (mode) {
            case ENFORCE -> "mdi2s-shield-check";
            case COMPLAIN, PROMPT -> "mdi2s-shield-alert-outline";
            case KILL -> "mdi2s-skull-outline";
            case UNCONFINED, DEFAULT_ALLOW -> "mdi2s-shield-off-outline";
        };
    }

    /** The most severe diagnostic of a node, or null. */
    static Severity worst(List<ContainerDiagnostic> diagnostics) {
        Severity worst = null;
        for (ContainerDiagnostic diagnostic : diagnostics) {
            Severity severity = diagnostic.diagnostic().severity();
            if (worst == null || severity.compareTo(worst) < 0) {
                worst = severity;
            }
        }
        return worst;
    }

    static FontIcon severityIcon(Severity severity) {
        FontIcon icon = new FontIcon(switch (severity) {
            case ERROR -> "mdi2a-alert-circle";
            case WARNING -> "mdi2a-alert-outline";
            case INFO -> "mdi2i-information-outline";
        });
        icon.getStyleClass().add("transition-tree-" + severity.label());
        return icon;
    }

    /** The mode a profile node shows after its name. */
    static String modeText(TreeNode node) {
        if (node.mode() == null || !(node.kind() == TreeNode.Kind.PROFILE || node.kind() == TreeNode.Kind.CHILD
                || node.kind() == TreeNode.Kind.HAT)) {
            return "";
        }
        return node.mode().label() + (node.has(Marker.MODE_DIFFERS_FROM_PARENT) ? " (unlike its parent: no mode flag)" : "");
    }
}
