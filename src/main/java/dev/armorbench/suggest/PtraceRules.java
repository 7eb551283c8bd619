package dev.armorbench.suggest;

import dev.armorbench.audit.AuditEvent;
import java.util.SortedSet;

/** A ptrace check to {@code ptrace PERMS peer=LABEL}, then without the peer; none without a mask. */
final class PtraceRules {
    private PtraceRules() {
    }

    static RuleRequest request(AuditEvent.Ptrace event) {
        SortedSet<String> perms = RuleText.words(Masks.wanted(event.kind(), event.requested(), event.denied()));
        if (perms.isEmpty()) {
            return null;
        }
        String head = "ptrace " + RuleText.perms(perms, false);
        String peer = event.peer() == null || event.peer().isEmpty() ? "" : " peer=" + RuleText.literal(event.peer());
        return FixedRequest.of(RuleKind.PTRACE, event.peer(), head + peer + ",", head + ",");
    }
}
