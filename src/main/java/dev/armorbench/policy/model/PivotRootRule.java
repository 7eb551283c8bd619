package dev.armorbench.policy.model;

/** {@code pivot_root [oldroot=…] [NEWROOT] [-> PROFILE],}. */
public record PivotRootRule(Qualifiers qualifiers, String oldRoot, String newRoot, String profile) implements Rule {
    @Override
    public String canonical() {
        return qualifiers.prefix() + "pivot_root" + (oldRoot == null ? "" : " oldroot=" + oldRoot)
                + (newRoot == null ? "" : " " + newRoot) + (profile == null ? "" : " -> " + profile) + ",";
    }

    @Override
    public boolean covers(Rule other) {
        return other instanceof PivotRootRule that && qualifiers.covers(that.qualifiers)
                && Permissions.covers(oldRoot, that.oldRoot) && Permissions.covers(newRoot, that.newRoot)
                && Permissions.covers(profile, that.profile);
    }
}
