package dev.armorbench.policy.model;

import java.util.Set;

/** {@code mqueue [PERMS] [conditions] [peer=(…)],}: message queues; the name is the {@code name} condition. */
public record MqueueRule(Qualifiers qualifiers, Set<String> perms, Conditions conditions, Conditions peer) implements Rule {
    @Override
    public String canonical() {
        String peerText = peer.values().isEmpty() ? "" : " peer=(" + peer.canonical().substring(1) + ")";
        return qualifiers.prefix() + "mqueue" + Permissions.canonical(perms) + conditions.canonical() + peerText + ",";
    }

    @Override
    public boolean covers(Rule other) {
        return other instanceof MqueueRule that && qualifiers.covers(that.qualifiers) && Permissions.covers(perms, that.perms)
                && conditions.covers(that.conditions) && peer.covers(that.peer);
    }
}
