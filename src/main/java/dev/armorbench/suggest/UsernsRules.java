package dev.armorbench.suggest;

import dev.armorbench.audit.AuditEvent;

/** User namespace creation to {@code userns create,}. */
final class UsernsRules {
    private UsernsRules() {
    }

    static RuleRequest request(AuditEvent.Userns event) {
        String wanted = Masks.wanted(event.kind(), event.requested(), event.denied());
        if (wanted == null || !wanted.contains("create")) {
            return null;
        }
        return FixedRequest.of(RuleKind.USERNS, "userns", "userns create,");
    }
}
