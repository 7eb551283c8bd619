package dev.armorbench.policy.model;

/** {@code remount [conditions] [MOUNTPOINT],}. */
public record RemountRule(Qualifiers qualifiers, Conditions conditions, String mountpoint) implements Rule {
    @Override
    public String canonical() {
        return qualifiers.prefix() + "remount" + conditions.canonical() + (mountpoint == null ? "" : " " + mountpoint) + ",";
    }

    @Override
    public boolean covers(Rule other) {
        return other instanceof RemountRule that && qualifiers.covers(that.qualifiers)
                && conditions.covers(that.conditions) && Permissions.covers(mountpoint, that.mountpoint);
    }
}
