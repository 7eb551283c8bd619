package dev.armorbench.suggest;

import dev.armorbench.audit.AuditEvent;
import java.util.SortedSet;

/** io_uring checks to {@code io_uring PERMS [label=TARGET]}. */
final class IoUringRules {
    private IoUringRules() {
    }

    static RuleRequest request(AuditEvent.IoUring event) {
        SortedSet<String> perms = RuleText.words(Masks.wanted(event.kind(), event.requested(), event.denied()));
        if (perms.isEmpty()) {
            return null;
        }
        String head = "io_uring " + RuleText.perms(perms, false);
        String label = event.targetLabel() == null || event.targetLabel().isEmpty() ? ""
                : " label=" + RuleText.literal(event.targetLabel());
        return FixedRequest.of(RuleKind.IO_URING, event.targetLabel(), head + label + ",", head + ",");
    }
}
