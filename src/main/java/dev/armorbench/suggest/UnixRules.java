package dev.armorbench.suggest;

import dev.armorbench.audit.AuditEvent;
import java.util.SortedSet;

/** Unix-domain socket events to {@code unix (PERMS) type=T addr=… peer=(addr=…)}, then broader. */
final class UnixRules {
    private UnixRules() {
    }

    static RuleRequest request(AuditEvent.Unix event) {
        String wanted = Masks.wanted(event.kind(), event.requested(), event.denied());
        if (wanted == null) {
            return null; // no mask: the kernel did not say what was asked
        }
        SortedSet<String> perms = RuleText.words(wanted);
        if (perms.isEmpty()) {
            return null;
        }
        String type = RuleText.word(event.sockType());
        String head = "unix " + RuleText.perms(perms, true) + (type == null ? "" : " type=" + type);
        String addr = address(event.address());
        String peerAddr = address(event.peerAddress());
        String exact = head + (addr == null ? "" : " addr=" + addr)
                + (peerAddr == null ? "" : " peer=(addr=" + peerAddr + ")") + ",";
        return FixedRequest.of(RuleKind.UNIX, event.address() != null && !"none".equals(event.address())
                ? event.address() : event.peerAddress(), exact, head + ",", "unix " + RuleText.perms(perms, true) + ",");
    }

    /**
     * The {@code addr=} of an abstract socket ({@code @name}); null for an unnamed one and for a
     * socket with a path, which a unix rule cannot name (apparmor_parser takes only {@code @…},
     * {@code none} and {@code auto} there) and its file rule allows.
     */
    private static String address(String value) {
        if (value == null || !value.startsWith("@")) {
            return null;
        }
        return RuleText.literal(value);
    }
}
