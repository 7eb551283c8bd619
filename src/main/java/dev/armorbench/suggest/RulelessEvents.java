package dev.armorbench.suggest;

import dev.armorbench.audit.AuditEvent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Denials and complain-mode allowances that no rule is suggested for because no rule kind covers
 * their class: kernel module loads (upstream AppArmor has no module rule) and classes the reader
 * does not model (rlimit, …). Counted by class, so that a run whose only events are of these
 * kinds says so, instead of looking as if the profile already allowed everything.
 */
public final class RulelessEvents {
    private final Map<String, Long> byClass = new LinkedHashMap<>();
    private long total;

    /** The class of an event no rule kind covers, or null for every other event. */
    static String classOf(AuditEvent event) {
        if (event instanceof AuditEvent.Module) {
            return "kernel module";
        }
        if (event instanceof AuditEvent.Other other) {
            String recordClass = other.record().recordClass();
            String operation = other.operation();
            return recordClass != null && !recordClass.isEmpty() ? recordClass
                    : operation != null && !operation.isEmpty() ? operation : "unknown";
        }
        return null;
    }

    /** Counts {@code event} if no rule kind covers it; whether it did. */
    boolean count(AuditEvent event) {
        String recordClass = classOf(event);
        if (recordClass == null) {
            return false;
        }
        byClass.merge(recordClass, 1L, Long::sum);
        total++;
        return true;
    }

    public long total() {
        return total;
    }

    /** Counts by class, in the order the classes were first seen. */
    public Map<String, Long> byClass() {
        return Collections.unmodifiableMap(byClass);
    }

    /** {@code 3 events asked for what no rule allows here: kernel module (2), rlimit (1)}; empty when none. */
    public String describe() {
        if (total == 0) {
            return "";
        }
        StringBuilder text = new StringBuilder().append(total).append(total == 1 ? " event" : " events")
                .append(" asked for what no rule allows here: ");
        String separator = "";
        for (Map.Entry<String, Long> entry : byClass.entrySet()) {
            text.append(separator).append(entry.getKey()).append(" (").append(entry.getValue()).append(')');
            separator = ", ";
        }
        return text.toString();
    }

    /** {@link #describe()} as a sentence that says what becomes of them; empty when none. */
    public String note() {
        return total == 0 ? "" : describe() + "; no rule is suggested for them.";
    }
}
