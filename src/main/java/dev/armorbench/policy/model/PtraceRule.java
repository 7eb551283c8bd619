package dev.armorbench.policy.model;

import java.util.Set;

/** {@code ptrace [PERMS] [conditions] [peer=(…)],}: tracing another process. */
public record PtraceRule(Qualifiers qualifiers, Set<String> perms, Conditions conditions, Conditions peer) implements Rule {
    @Override
    public String canonical() {
        String peerText = peer.values().isEmpty() ? "" : " peer=(" + peer.canonical().substring(1) + ")";
        return qualifiers.prefix() + "ptrace" + Permissions.canonical(perms) + conditions.canonical() + peerText + ",";
    }

    @Override
    public boolean covers(Rule other) {
        return other instanceof PtraceRule that && qualifiers.covers(that.qualifiers) && Permissions.covers(perms, that.perms)
                && conditions.covers(that.conditions) && peer.covers(that.peer);
    }
}
