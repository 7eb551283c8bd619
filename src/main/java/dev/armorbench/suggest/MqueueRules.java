package dev.armorbench.suggest;

import dev.armorbench.audit.AuditEvent;
import java.util.SortedSet;

/** POSIX and System V message queues to {@code mqueue PERMS type=posix|sysv NAME}. */
final class MqueueRules {
    private MqueueRules() {
    }

    static RuleRequest request(AuditEvent.Mqueue event) {
        SortedSet<String> perms = RuleText.words(Masks.wanted(event.kind(), event.requested(), event.denied()));
        if (perms.isEmpty()) {
            return null;
        }
        String type = "sysv_mqueue".equals(event.queueClass()) ? "sysv" : "posix";
        String head = "mqueue " + RuleText.perms(perms, false) + " type=" + type;
        String name = event.name() == null || event.name().isEmpty() ? "" : " " + RuleText.literal(event.name());
        return FixedRequest.of(RuleKind.MQUEUE, event.name(), head + name + ",", head + ",");
    }
}
