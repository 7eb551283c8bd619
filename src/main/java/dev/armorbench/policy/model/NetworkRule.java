package dev.armorbench.policy.model;

import java.util.Set;

/**
 * {@code network [PERMS] [DOMAIN] [TYPE|PROTOCOL] [ip= port= …] [peer=(…)],}.
 *
 * @param domain null for every domain
 * @param type socket type or protocol, or null
 */
public record NetworkRule(Qualifiers qualifiers, Set<String> perms, String domain, String type, Conditions conditions,
        Conditions peer) implements Rule {
    @Override
    public String canonical() {
        String peerText = peer.values().isEmpty() ? "" : " peer=(" + peer.canonical().substring(1) + ")";
        return qualifiers.prefix() + "network" + Permissions.canonical(perms) + (domain == null ? "" : " " + domain)
                + (type == null ? "" : " " + type) + conditions.canonical() + peerText + ",";
    }

    @Override
    public boolean covers(Rule other) {
        return other instanceof NetworkRule that && qualifiers.covers(that.qualifiers)
                && Permissions.covers(perms, that.perms) && Permissions.covers(domain, that.domain)
                && Permissions.covers(type, that.type) && conditions.covers(that.conditions) && peer.covers(that.peer);
    }
}
