package dev.armorbench.container;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A node of the tree of transitions: a profile, a child or hat, a group of exec rules with the same
 * target, one exec rule, a way into the container or one of its steps.
 */
public final class TreeNode {
    public enum Kind {
        ROOT, PROFILE, CHILD, HAT, TRANSITION, RULE, ENTRY_ROOT, ENTRY, ENTRY_STEP
    }

    /** What a node stands out for. */
    public enum Marker {
        /** {@code ux}/{@code Ux}, or an entry that ends unconfined. */
        UNCONFINED,
        /** The target is already on the path from the root: not expanded again. */
        CYCLE,
        /** The target profile exists nowhere known, or an exec that is refused. */
        UNRESOLVED,
        /** The profile was found on the include path, not in the open text. */
        EXTERNAL,
        /** A child or hat without a mode flag under a parent that is not enforced: it is enforced. */
        MODE_DIFFERS_FROM_PARENT,
        /** A copy shown under a transition: the original node stands under its own profile. */
        LINKED,
        /** The rules a profile's includes bring to a transition, grouped apart from its own. */
        FROM_INCLUDE
    }

    private final Kind kind;
    private final String label;
    private final String profile;
    private final ProfileMode mode;
    private final TextRange range;
    private final TextRange extent;
    private final Set<Marker> markers;
    private final List<TreeNode> children = new ArrayList<>();
    private final List<ContainerDiagnostic> diagnostics = new ArrayList<>();

    TreeNode(Kind kind, String label, String profile, ProfileMode mode, TextRange range, Set<Marker> markers) {
        this(kind, label, profile, mode, range, range, markers);
    }

    TreeNode(Kind kind, String label, String profile, ProfileMode mode, TextRange range, TextRange extent,
            Set<Marker> markers) {
        this.extent = extent;
        this.kind = kind;
        this.label = label;
        this.profile = profile;
        this.mode = mode;
        this.range = range;
        this.markers = markers.isEmpty() ? EnumSet.noneOf(Marker.class) : EnumSet.copyOf(markers);
    }

    public Kind kind() {
        return kind;
    }

    public String label() {
        return label;
    }

    /** The profile this node is, or the one a transition or entry leads to (full name); null when none. */
    public String profile() {
        return profile;
    }

    /** The mode of the profile this node is or leads to; null when none. */
    public ProfileMode mode() {
        return mode;
    }

    /** The node's text in the open profile; null when it has none there (virtual roots, external profiles). */
    public TextRange range() {
        return range;
    }

    /** The text the node stands for: a profile's whole block, where its {@link #range} is its header. */
    public TextRange extent() {
        return extent;
    }

    public Set<Marker> markers() {
        return Collections.unmodifiableSet(markers);
    }

    public boolean has(Marker marker) {
        return markers.contains(marker);
    }

    public List<TreeNode> children() {
        return Collections.unmodifiableList(children);
    }

    public List<ContainerDiagnostic> diagnostics() {
        return Collections.unmodifiableList(diagnostics);
    }

    TreeNode add(TreeNode child) {
        children.add(child);
        return child;
    }

    void attach(ContainerDiagnostic diagnostic) {
        diagnostics.add(diagnostic);
    }

    /** This node and every node below it, depth first, parents first. */
    public List<TreeNode> flatten() {
        List<TreeNode> all = new ArrayList<>();
        flattenInto(all);
        return all;
    }

    private void flattenInto(List<TreeNode> all) {
        all.add(this);
        for (TreeNode child : children) {
            child.flattenInto(all);
        }
    }

    @Override
    public String toString() {
        return label;
    }
}
