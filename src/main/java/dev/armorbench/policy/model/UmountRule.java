package dev.armorbench.policy.model;

/** {@code umount [conditions] [MOUNTPOINT],} ({@code unmount} is the same). */
public record UmountRule(Qualifiers qualifiers, Conditions conditions, String mountpoint) implements Rule {
    @Override
    public String canonical() {
        return qualifiers.prefix() + "umount" + conditions.canonical() + (mountpoint == null ? "" : " " + mountpoint) + ",";
    }

    @Override
    public boolean covers(Rule other) {
        return other instanceof UmountRule that && qualifiers.covers(that.qualifiers)
                && conditions.covers(that.conditions) && Permissions.covers(mountpoint, that.mountpoint);
    }
}
