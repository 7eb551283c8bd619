package dev.armorbench.suggest;

import dev.armorbench.audit.AuditEvent;
import dev.armorbench.audit.EventKind;
import dev.armorbench.audit.ProfileLabel;

/** exec, change_profile, change_onexec and change_hat to requests. */
final class TransitionRules {
    private TransitionRules() {
    }

    static RuleRequest request(AuditEvent.Transition event) {
        String operation = event.operation() == null ? "" : event.operation();
        switch (operation) {
            case "exec": {
                if (event.name() == null || event.name().isEmpty()) {
                    return null;
                }
                boolean learning = event.kind() == EventKind.ALLOWED && event.target() != null
                        && ProfileLabel.parse(event.target()).isLearning();
                return new ExecRequest(event.name(), event.target(), learning);
            }
            case "change_profile":
            case "change_onexec": {
                String target = event.target();
                if (target == null || target.isEmpty()) {
                    return null; // "label not found" without a target: nothing a rule could name
                }
                return FixedRequest.of(RuleKind.CHANGE_PROFILE, target,
                        "change_profile -> " + RuleText.literal(target) + ",");
            }
            case "change_hat": {
                String hat = event.name();
                if (hat == null || hat.isEmpty()) {
                    return null;
                }
                // The hat asked for does not exist: offer it, empty, for the events under it to fill.
                return FixedRequest.of(RuleKind.CHANGE_HAT, hat, "^" + RuleText.profileName(hat) + " {}");
            }
            default:
                return null;
        }
    }
}
