package dev.armorbench.suggest;

import dev.armorbench.audit.AuditEvent;
import java.util.SortedSet;

/** A signal to {@code signal PERMS set=SIG peer=LABEL}, then without the peer, then without the set. */
final class SignalRules {
    private SignalRules() {
    }

    static RuleRequest request(AuditEvent.Signal event) {
        SortedSet<String> perms = RuleText.words(Masks.wanted(event.kind(), event.requested(), event.denied()));
        if (perms.isEmpty()) {
            return null;
        }
        String head = "signal " + RuleText.perms(perms, false);
        String signal = RuleText.word(event.signal());
        String set = signal == null ? "" : " set=" + signal;
        String peer = event.peer() == null || event.peer().isEmpty() ? "" : " peer=" + RuleText.literal(event.peer());
        return FixedRequest.of(RuleKind.SIGNAL, event.peer(), head + set + peer + ",", head + set + ",", head + ",");
    }
}
