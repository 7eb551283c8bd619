package dev.armorbench.policy.model;

import java.util.Set;

/** {@code userns [PERMS] [conditions] [peer=(…)],}: creating user namespaces. */
public record UsernsRule(Qualifiers qualifiers, Set<String> perms, Conditions conditions, Conditions peer) implements Rule {
    @Override
    public String canonical() {
        String peerText = peer.values().isEmpty() ? "" : " peer=(" + peer.canonical().substring(1) + ")";
        return qualifiers.prefix() + "userns" + Permissions.canonical(perms) + conditions.canonical() + peerText + ",";
    }

    @Override
    public boolean covers(Rule other) {
        return other instanceof UsernsRule that && qualifiers.covers(that.qualifiers) && Permissions.covers(perms, that.perms)
                && conditions.covers(that.conditions) && peer.covers(that.peer);
    }
}
