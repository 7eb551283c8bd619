package dev.armorbench.policy.model;

/** {@code mount [fstype=…] [options=…] [SOURCE] [-> MOUNTPOINT],}. */
public record MountRule(Qualifiers qualifiers, Conditions conditions, String source, String mountpoint) implements Rule {
    @Override
    public String canonical() {
        return qualifiers.prefix() + "mount" + conditions.canonical() + (source == null ? "" : " " + source)
                + (mountpoint == null ? "" : " -> " + mountpoint) + ",";
    }

    @Override
    public boolean covers(Rule other) {
        return other instanceof MountRule that && qualifiers.covers(that.qualifiers) && conditions.covers(that.conditions)
                && Permissions.covers(source, that.source) && Permissions.covers(mountpoint, that.mountpoint);
    }
}
