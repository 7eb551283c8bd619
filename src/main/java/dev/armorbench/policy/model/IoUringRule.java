package dev.armorbench.policy.model;

import java.util.Set;

/** {@code io_uring [PERMS] [conditions] [peer=(…)],}: io_uring operations. */
public record IoUringRule(Qualifiers qualifiers, Set<String> perms, Conditions conditions, Conditions peer) implements Rule {
    @Override
    public String canonical() {
        String peerText = peer.values().isEmpty() ? "" : " peer=(" + peer.canonical().substring(1) + ")";
        return qualifiers.prefix() + "io_uring" + Permissions.canonical(perms) + conditions.canonical() + peerText + ",";
    }

    @Override
    public boolean covers(Rule other) {
        return other instanceof IoUringRule that && qualifiers.covers(that.qualifiers) && Permissions.covers(perms, that.perms)
                && conditions.covers(that.conditions) && peer.covers(that.peer);
    }
}
