package dev.armorbench.policy.model;

import java.util.Set;

/** {@code signal [PERMS] [conditions] [peer=(…)],}: signals; the {@code set} condition names them. */
public record SignalRule(Qualifiers qualifiers, Set<String> perms, Conditions conditions, Conditions peer) implements Rule {
    @Override
    public String canonical() {
        String peerText = peer.values().isEmpty() ? "" : " peer=(" + peer.canonical().substring(1) + ")";
        return qualifiers.prefix() + "signal" + Permissions.canonical(perms) + conditions.canonical() + peerText + ",";
    }

    @Override
    public boolean covers(Rule other) {
        return other instanceof SignalRule that && qualifiers.covers(that.qualifiers) && Permissions.covers(perms, that.perms)
                && conditions.covers(that.conditions) && peer.covers(that.peer);
    }
}
