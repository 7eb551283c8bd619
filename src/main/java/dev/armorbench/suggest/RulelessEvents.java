package dev.armorbench.suggest;

import dev.armorbench.audit.AuditEvent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Denials and complain-mode allowances that no rule is suggested for because no rule could allow
 * them: kernel module loads (upstream AppArmor has no module rule), classes the reader does not
 * model (rlimit, …), and file accesses and execs through a disconnected path. Counted by class, so
 * that a run whose only events are of these kinds says so, instead of looking as if the profile
 * already allowed everything.
 *
 * <p>A disconnected path is one the kernel cannot name from the process's root: a file opened
 * outside the container's mount namespace and passed in (a terminal, a runtime's file). Unless the
 * profile has {@code attach_disconnected}, the kernel logs it without its leading '/'
 * ({@code name="dev/pts/0"}, {@code info="Failed name lookup - disconnected path"}) and refuses
 * it whatever the rules say; a rule naming that text would not even load. The flag is the fix:
 * it names the path from the namespace's root ({@code /dev/pts/0}), which a rule can then allow.
 */
public final class RulelessEvents {
    private final Map<String, Long> byClass = new LinkedHashMap<>();
    private long total;

    /** What {@link #classOf} calls a file access or exec through a disconnected path. */
    static final String DISCONNECTED_PATH = "disconnected path";

    /** The class of an event no rule could allow, or null for every other event. */
    static String classOf(AuditEvent event) {
        if (event instanceof AuditEvent.FileAccess file) {
            return isDisconnected(file.name()) ? DISCONNECTED_PATH : null;
        }
        if (event instanceof AuditEvent.Transition transition) {
            return "exec".equals(transition.operation()) && isDisconnected(transition.name()) ? DISCONNECTED_PATH : null;
        }
        if (event instanceof AuditEvent.Network network && "exec".equals(network.operation())) {
            // Old kernels' exec records carry socket keys (see EventRules): still an exec of a path.
            return isDisconnected(network.record().get("name")) ? DISCONNECTED_PATH : null;
        }
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

    /**
     * A path a file rule cannot name: the kernel writes every path it could resolve from the root
     * with its leading '/', so a name without one was cut off from the root (the disconnected
     * paths, and a name that is no path at all).
     */
    private static boolean isDisconnected(String name) {
        return name != null && !name.isEmpty() && name.charAt(0) != '/';
    }

    /** Counts {@code event} if no rule could allow it; whether it did. */
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

    /**
     * {@link #describe()} as a sentence that says what becomes of them, and what to do where
     * something can be done; empty when none.
     */
    public String note() {
        if (total == 0) {
            return "";
        }
        String fix = fix();
        return describe() + "; no rule is suggested for them." + (fix.isEmpty() ? "" : " " + fix);
    }

    /** What to do about them where something can be done, as a sentence; empty otherwise. */
    public String fix() {
        return byClass.containsKey(DISCONNECTED_PATH)
                ? "A disconnected path is a file from outside the container's mount namespace (a terminal, a runtime's"
                        + " file): add attach_disconnected to the profile's flags, as Docker's own profile has, and the"
                        + " next run logs it from '/' for a rule to allow."
                : "";
    }
}
