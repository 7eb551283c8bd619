package dev.armorbench.suggest;

import dev.armorbench.audit.AuditEvent;
import dev.armorbench.policy.model.CapabilityRule;
import java.util.Locale;

/** A capability check to {@code capability NAME,}, only for names the policy language knows. */
final class CapabilityRules {
    private CapabilityRules() {
    }

    static RuleRequest request(AuditEvent.Capability event) {
        if (event.capname() == null) {
            return null;
        }
        String name = event.capname().toLowerCase(Locale.ROOT);
        if (name.startsWith("cap_")) {
            name = name.substring(4);
        }
        if (!CapabilityRule.KNOWN.contains(name)) {
            return null;
        }
        return FixedRequest.of(RuleKind.CAPABILITY, name, "capability " + name + ",");
    }
}
