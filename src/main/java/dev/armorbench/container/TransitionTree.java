package dev.armorbench.container;

import dev.armorbench.container.Entry.EntryStep;
import dev.armorbench.container.TreeNode.Kind;
import dev.armorbench.container.TreeNode.Marker;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tree of transitions: each profile with its exec rules grouped by target (a {@code cx} or
 * {@code px} group shows what its target can exec in turn, a profile already on the path is shown
 * once and marked as a cycle), its children and hats; then the virtual roots "container start" and
 * "docker exec" with the profile each entry lands in. Diagnostics hang on the deepest node whose
 * text holds them.
 */
public final class TransitionTree {
    /** Linked expansions stop here even without a cycle, so a dense graph cannot explode. */
    private static final int MAX_DEPTH = 8;
    /** At most this many linked nodes in all: a dense graph of px targets stays readable and fast. */
    private static final int LINKED_BUDGET = 2000;

    private int linkedLeft = LINKED_BUDGET;

    private final ContainerPolicy policy;
    private final TreeNode root = new TreeNode(Kind.ROOT, "policy", null, null, null, Set.of());

    private TransitionTree(ContainerPolicy policy) {
        this.policy = policy;
    }

    public static TransitionTree build(ContainerPolicy policy, List<Entry> entries, List<ContainerDiagnostic> diagnostics) {
        TransitionTree tree = new TransitionTree(policy);
        for (PolicyProfile profile : policy.profiles()) {
            tree.root.add(tree.profileNode(profile));
        }
        for (PolicyProfile profile : policy.externalProfiles()) {
            tree.root.add(tree.profileNode(profile));
        }
        tree.entryRoot("container start", entries.stream().filter(e -> e.via() == Entry.Via.START).toList());
        tree.entryRoot("docker exec", entries.stream().filter(e -> e.via() == Entry.Via.EXEC).toList());
        for (ContainerDiagnostic diagnostic : diagnostics) {
            TreeNode holder = tree.nodeAt(diagnostic.diagnostic().start(), diagnostic.diagnostic().end());
            (holder != null ? holder : tree.root).attach(diagnostic);
        }
        return tree;
    }

    public TreeNode root() {
        return root;
    }

    /** The deepest node (not a linked copy) whose text holds the offset: what the editor's caret selects. */
    public TreeNode nodeAt(int offset) {
        return nodeAt(offset, offset);
    }

    private TreeNode nodeAt(int start, int end) {
        TreeNode best = null;
        for (TreeNode node : root.flatten()) {
            if (node.extent() == null || node.has(Marker.LINKED) || node.kind() == Kind.ENTRY
                    || node.kind() == Kind.ENTRY_STEP) {
                continue;
            }
            TextRange extent = node.extent();
            boolean holds = extent.start() <= start && (end <= extent.end() || start == extent.start());
            if (holds && (best == null || extent.length() <= best.extent().length())) {
                best = node;
            }
        }
        return best;
    }

    private TreeNode profileNode(PolicyProfile profile) {
        Kind kind = profile.parent() == null ? Kind.PROFILE : profile.isHat() ? Kind.HAT : Kind.CHILD;
        Set<Marker> markers = EnumSet.noneOf(Marker.class);
        if (!profile.inOpenText()) {
            markers.add(Marker.EXTERNAL);
        }
        if (profile.modeDiffersFromParent()) {
            markers.add(Marker.MODE_DIFFERS_FROM_PARENT);
        }
        if (profile.mode() == ProfileMode.UNCONFINED) {
            markers.add(Marker.UNCONFINED);
        }
        String attachment = profile.model().attachment();
        String label = (kind == Kind.HAT ? "^" : "") + profile.name() + (attachment == null ? "" : " " + attachment)
                + (profile.inOpenText() ? "" : " (" + profile.origin() + ")");
        TextRange range = profile.site() == null ? null : profile.site().header();
        TextRange extent = profile.site() == null ? null : profile.site().range();
        TreeNode node = new TreeNode(kind, label, profile.fullName(), profile.mode(), range, extent, markers);
        List<PolicyProfile> path = new ArrayList<>(List.of(profile));
        addTransitions(node, profile, path, false);
        for (PolicyProfile child : profile.children()) {
            node.add(profileNode(child));
        }
        return node;
    }

    /** The exec rules of {@code profile} grouped by target, under {@code parent}. */
    private void addTransitions(TreeNode parent, PolicyProfile profile, List<PolicyProfile> path, boolean linked) {
        Map<String, List<Transition>> groups = new LinkedHashMap<>();
        for (Transition transition : policy.transitions(profile)) {
            groups.computeIfAbsent(transition.kind() + " " + transition.targetName(), k -> new ArrayList<>()).add(transition);
        }
        for (List<Transition> group : groups.values()) {
            Transition first = group.get(0);
            Set<Marker> markers = EnumSet.noneOf(Marker.class);
            if (linked) {
                markers.add(Marker.LINKED);
            }
            if (first.kind() == Transition.Kind.UNCONFINED) {
                markers.add(Marker.UNCONFINED);
            }
            if (!first.resolved()) {
                markers.add(Marker.UNRESOLVED);
            }
            PolicyProfile target = first.target();
            boolean cycle = target != null && first.kind() != Transition.Kind.INHERIT && path.contains(target);
            if (cycle) {
                markers.add(Marker.CYCLE);
            }
            String label = switch (first.kind()) {
                case INHERIT -> "ix: stays in " + profile.fullName();
                case UNCONFINED -> "ux: unconfined";
                case CHILD, PROFILE -> first.kind().label() + " → " + first.targetName()
                        + (first.resolved() ? "" : " (unresolved)") + (cycle ? " (cycle)" : "");
            };
            ProfileMode mode = first.kind() == Transition.Kind.INHERIT ? profile.mode() : target == null ? null : target.mode();
            String leadsTo = first.kind() == Transition.Kind.UNCONFINED ? null
                    : target != null ? target.fullName() : first.targetName();
            // Rules the profile's includes bring (abstractions/base has a few ix rules) are real but rarely
            // what the reader is after: they go under one node of their own, after the profile's own rules,
            // and a transition that only includes bring is marked as such.
            long included = group.stream().filter(t -> t.written() == null).count();
            if (included == group.size() && first.kind() == Transition.Kind.INHERIT) {
                markers.add(Marker.FROM_INCLUDE);
                label += " (from includes)";
            }
            TreeNode groupNode = parent.add(new TreeNode(Kind.TRANSITION, label, leadsTo, mode, first.range(), markers));
            TreeNode includedNode = null;
            for (Transition transition : group) {
                Set<Marker> ruleMarkers = EnumSet.noneOf(Marker.class);
                if (linked) {
                    ruleMarkers.add(Marker.LINKED);
                }
                if (transition.kind() == Transition.Kind.UNCONFINED) {
                    ruleMarkers.add(Marker.UNCONFINED);
                }
                TreeNode owner = groupNode;
                if (transition.written() == null && included < group.size()) {
                    if (includedNode == null) {
                        Set<Marker> includedMarkers = EnumSet.copyOf(ruleMarkers);
                        includedMarkers.add(Marker.FROM_INCLUDE);
                        includedNode = new TreeNode(Kind.TRANSITION, included + " from includes", leadsTo, mode,
                                null, includedMarkers);
                    }
                    owner = includedNode;
                }
                String ruleLabel = transition.ruleText() + (transition.written() == null ? " (from an include)" : "");
                owner.add(new TreeNode(Kind.RULE, ruleLabel, leadsTo, mode, transition.range(), ruleMarkers));
            }
            if (includedNode != null) {
                groupNode.add(includedNode);
            }
            if (linked) {
                linkedLeft -= 1 + group.size();
            }
            if (target != null && first.kind() != Transition.Kind.INHERIT && !cycle && path.size() < MAX_DEPTH
                    && linkedLeft > 0) {
                List<PolicyProfile> deeper = new ArrayList<>(path);
                deeper.add(target);
                addTransitions(groupNode, target, deeper, true);
            }
        }
    }

    private void entryRoot(String label, List<Entry> entries) {
        PolicyProfile container = policy.containerProfile();
        if (container == null) {
            return;
        }
        TreeNode node = root.add(new TreeNode(Kind.ENTRY_ROOT, label, container.fullName(), container.mode(), null, Set.of()));
        for (Entry entry : entries) {
            EntryStep last = entry.steps().get(entry.steps().size() - 1);
            Set<Marker> markers = EnumSet.noneOf(Marker.class);
            ExecOutcome outcome = last.outcome();
            if (outcome != null && outcome.result() == ExecOutcome.Result.UNCONFINED) {
                markers.add(Marker.UNCONFINED);
            } else if (outcome != null && outcome.result() != ExecOutcome.Result.LANDS) {
                markers.add(Marker.UNRESOLVED);
            }
            PolicyProfile landed = outcome == null ? container : outcome.landsIn();
            TreeNode entryNode = node.add(new TreeNode(Kind.ENTRY, entry.variant() + ": " + entry.binary() + " → "
                    + entry.profile(), landed == null ? null : landed.fullName(), landed == null ? null : landed.mode(),
                    rangeOf(last, container), markers));
            if (entry.steps().size() > 1) {
                for (EntryStep step : entry.steps()) {
                    String how = step.byRuntime() ? "the runtime starts " + step.binary()
                            : step.startedBy() + " execs " + step.binary();
                    PolicyProfile in = step.outcome() == null ? container : step.outcome().landsIn();
                    entryNode.add(new TreeNode(Kind.ENTRY_STEP, how + " → " + step.profile(),
                            in == null ? null : in.fullName(), in == null ? null : in.mode(), rangeOf(step, container), Set.of()));
                }
            }
        }
    }

    /** The rule that landed a step, or the container profile's name when the runtime started it. */
    private static TextRange rangeOf(EntryStep step, PolicyProfile container) {
        if (step.outcome() != null && step.outcome().transition() != null && step.outcome().transition().range() != null) {
            return step.outcome().transition().range();
        }
        if (step.outcome() != null && step.outcome().from().site() != null) {
            return step.outcome().from().site().nameRange();
        }
        return container.site() == null ? null : container.site().nameRange();
    }
}
