package dev.armorbench.suggest;

import dev.armorbench.audit.AuditEvent;
import dev.armorbench.audit.AuditRecord;
import java.util.SortedSet;

/**
 * inet, inet6, netlink, … socket events to {@code network (PERMS) FAMILY TYPE ip= port= peer=(…)},
 * then broader: without addresses, without permissions, the family alone. Newer kernels log the
 * local and peer addresses as {@code saddr/src/daddr/dest}; those win over {@code laddr/faddr}.
 */
final class NetworkRules {
    /** The address families the policy language names. */
    private static final java.util.Set<String> FAMILIES = java.util.Set.of("unix", "inet", "ax25", "ipx", "appletalk",
            "netrom", "bridge", "atmpvc", "x25", "inet6", "rose", "netbeui", "security", "key", "netlink", "packet",
            "ash", "econet", "atmsvc", "rds", "sna", "irda", "pppox", "wanpipe", "llc", "ib", "mpls", "can", "tipc",
            "bluetooth", "iucv", "rxrpc", "isdn", "phonet", "ieee802154", "caif", "alg", "nfc", "vsock", "kcm", "qipcrtr",
            "smc", "xdp", "mctp");

    /** The permissions a network rule may give together with {@code peer=(…)}, as the parser reads them. */
    private static final java.util.Set<String> PEER_PERMISSIONS = java.util.Set.of("send", "receive", "connect",
            "accept", "read", "write", "r", "w", "rw", "wr");

    private NetworkRules() {
    }

    static RuleRequest request(AuditEvent.Network event) {
        String family = RuleText.word(event.family());
        if (family == null || !FAMILIES.contains(family)) {
            return null;
        }
        String type = RuleText.word(event.sockType());
        if (type != null && !type.chars().allMatch(Character::isLetter)) {
            type = null; // "unknown(1234)" and the like: no type the language could name
        }
        String wanted = Masks.wanted(event.kind(), event.requested(), event.denied());
        if (wanted == null && event.requested() != null) {
            return null; // denied without saying what: nothing to allow
        }
        SortedSet<String> perms = RuleText.words(wanted);
        AuditRecord record = event.record();
        boolean newStyle = record.get("saddr") != null || record.get("daddr") != null;
        String localIp = ip(newStyle ? record.get("saddr") : record.get("laddr"));
        String localPort = port(newStyle ? record.get("src") : record.get("lport"));
        String peerIp = ip(newStyle ? record.get("daddr") : record.get("faddr"));
        String peerPort = port(newStyle ? record.get("dest") : record.get("fport"));
        String head = "network" + (perms.isEmpty() ? "" : " " + RuleText.perms(perms, true)) + " " + family
                + (type == null ? "" : " " + type);
        String local = (localIp == null ? "" : " ip=" + localIp) + (localPort == null ? "" : " port=" + localPort);
        String peerInner = ((peerIp == null ? "" : " ip=" + peerIp) + (peerPort == null ? "" : " port=" + peerPort)).trim();
        // Only operations between two ends have a peer; the parser rejects peer=(…) on the others.
        boolean peered = PEER_PERMISSIONS.containsAll(perms);
        String peer = peerInner.isEmpty() || !peered ? "" : " peer=(" + peerInner + ")";
        return FixedRequest.of(RuleKind.NETWORK, family + (type == null ? "" : " " + type),
                head + local + peer + ",",
                head + ",",
                "network " + family + (type == null ? "" : " " + type) + ",",
                "network " + family + ",");
    }

    private static String ip(String value) {
        if (value == null || value.isEmpty() || value.equals("none")) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == ':' || c == '.')) {
                return null;
            }
        }
        return value;
    }

    private static String port(String value) {
        if (value == null || value.isEmpty() || value.length() > 5) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return null;
            }
        }
        return value;
    }
}
