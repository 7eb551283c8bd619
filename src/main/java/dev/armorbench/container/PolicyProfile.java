package dev.armorbench.container;

import dev.armorbench.policy.model.Profile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A profile as the container analysis sees it: its meaning (the model), where it stands in the open
 * text (its site, when it is in the open text), its place among its parent and children, and its mode.
 */
public final class PolicyProfile {
    private final Profile model;
    private final ProfileSite site;
    private final PolicyProfile parent;
    private final Path origin;
    private final List<PolicyProfile> children = new ArrayList<>();
    private final ProfileMode mode;
    private final boolean modeDiffersFromParent;

    PolicyProfile(Profile model, ProfileSite site, PolicyProfile parent, Path origin) {
        this.model = model;
        this.site = site;
        this.parent = parent;
        this.origin = origin;
        ProfileMode declared = ProfileMode.declaredIn(model.flags());
        // A child or hat without a mode flag is enforced even under a complain parent: the mode is
        // not copied down (apparmor.d adds complain to each child for that reason). Marked, since
        // the difference surprises people learning a container in complain mode.
        this.mode = declared != null ? declared : ProfileMode.ENFORCE;
        this.modeDiffersFromParent = declared == null && parent != null && parent.mode != ProfileMode.ENFORCE;
    }

    public Profile model() {
        return model;
    }

    /** The name as written (a child's own name, without its parent's). */
    public String name() {
        return model.name();
    }

    /** The kernel's name for it: {@code parent//child}. */
    public String fullName() {
        return parent == null ? model.name() : parent.fullName() + "//" + model.name();
    }

    /** Where it stands in the open text; null for a profile read from the include path. */
    public ProfileSite site() {
        return site;
    }

    public boolean inOpenText() {
        return site != null;
    }

    /** The file it was found in when not in the open text; null otherwise. */
    public Path origin() {
        return origin;
    }

    public PolicyProfile parent() {
        return parent;
    }

    public List<PolicyProfile> children() {
        return Collections.unmodifiableList(children);
    }

    /** This profile, its children and hats, theirs, and so on: parents first. */
    public List<PolicyProfile> withDescendants() {
        List<PolicyProfile> all = new ArrayList<>();
        addWithDescendants(all);
        return all;
    }

    private void addWithDescendants(List<PolicyProfile> out) {
        out.add(this);
        for (PolicyProfile child : children) {
            child.addWithDescendants(out);
        }
    }

    void addChild(PolicyProfile child) {
        children.add(child);
    }

    public boolean isHat() {
        return model.hat();
    }

    public ProfileMode mode() {
        return mode;
    }

    /** Declares no mode while its parent is not enforced: it is enforced, unlike its parent. */
    public boolean modeDiffersFromParent() {
        return modeDiffersFromParent;
    }

    /** The child or hat with this name, or null. */
    public PolicyProfile child(String name) {
        for (PolicyProfile child : children) {
            if (child.name().equals(name)) {
                return child;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return fullName();
    }
}
