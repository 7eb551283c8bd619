package dev.armorbench.suggest;

import dev.armorbench.audit.AuditEvent;
import dev.armorbench.audit.AuditRecord;
import dev.armorbench.audit.EventKind;
import dev.armorbench.audit.ProfileLabel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * From an event to the profile it concerns and the request it makes — the {@code create_from_ev}
 * of each rule kind, dispatched by event class.
 */
final class EventRules {
    private EventRules() {
    }

    /** The request of one event, or null when no rule could have allowed it (or none is needed). */
    static RuleRequest request(AuditEvent event) {
        if (event instanceof AuditEvent.FileAccess e) {
            return FileAccessRules.request(e);
        } else if (event instanceof AuditEvent.Transition e) {
            return TransitionRules.request(e);
        } else if (event instanceof AuditEvent.Capability e) {
            return CapabilityRules.request(e);
        } else if (event instanceof AuditEvent.Network e) {
            if ("exec".equals(e.operation())) {
                // Old kernels log exec records with socket keys; the audit reader then calls them network.
                String name = e.record().get("name");
                return name == null || name.isEmpty() ? null : new ExecRequest(name, null, false);
            }
            return NetworkRules.request(e);
        } else if (event instanceof AuditEvent.Unix e) {
            return UnixRules.request(e);
        } else if (event instanceof AuditEvent.Signal e) {
            return SignalRules.request(e);
        } else if (event instanceof AuditEvent.Ptrace e) {
            return PtraceRules.request(e);
        } else if (event instanceof AuditEvent.Mount e) {
            return MountRules.request(e);
        } else if (event instanceof AuditEvent.Dbus e) {
            return DbusRules.request(e);
        } else if (event instanceof AuditEvent.Mqueue e) {
            return MqueueRules.request(e);
        } else if (event instanceof AuditEvent.IoUring e) {
            return IoUringRules.request(e);
        } else if (event instanceof AuditEvent.Userns e) {
            return UsernsRules.request(e);
        }
        return null;
    }

    /** Denials and complain-mode allowances ask for rules; audit, hint and status records do not. */
    static boolean asksForRule(AuditEvent event) {
        EventKind kind = event.kind();
        return kind == EventKind.DENIED || kind == EventKind.ALLOWED;
    }

    /** apparmor_parser compiles every profile name as AARE: unbalanced braces are refused. */
    private static boolean validGlob(String name) {
        if (name.indexOf('{') < 0 && name.indexOf('}') < 0 && name.indexOf('[') < 0 && name.indexOf(']') < 0) {
            return true;
        }
        try {
            dev.armorbench.policy.aare.AarePattern.compile(name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** What the request and placement of a file access depend on. */
    private record FileKey(String label, EventKind kind, String operation, String name, String target, String requested,
            String denied, boolean owned) {
    }

    /** What the request and placement of an exec or profile change depend on. */
    private record TransitionKey(String label, EventKind kind, String operation, String name, String target) {
    }

    private record CapabilityKey(String label, String capname) {
    }

    /**
     * Everything the placement and request of an event depend on, so equal events are turned into
     * a suggestion once; null for classes that are rare enough to convert every time.
     */
    static Object cacheKey(AuditEvent event) {
        if (event instanceof AuditEvent.FileAccess e) {
            // Accesses of /proc/PID/… for any PID end in one group: one key for all of them.
            String name = e.name() == null ? null : FileRequest.anyPid(e.name());
            return new FileKey(e.profile(), e.kind(), e.operation(), name, e.target(), e.requested(), e.denied(),
                    e.ownedByActor());
        } else if (event instanceof AuditEvent.Transition e) {
            return new TransitionKey(e.profile(), e.kind(), e.operation(), e.name(), e.target());
        } else if (event instanceof AuditEvent.Capability e) {
            return new CapabilityKey(e.profile(), e.capname());
        }
        // The other classes: every value the rule classes read, without pids, times and comm.
        String label = event.profile();
        EventKind kind = event.kind();
        String operation = event.operation();
        if (event instanceof AuditEvent.Network e) {
            AuditRecord r = e.record();
            return Arrays.asList(4, label, kind, operation, e.family(), e.sockType(), e.requested(), e.denied(),
                    r.get("saddr"), r.get("src"), r.get("daddr"), r.get("dest"), r.get("laddr"), r.get("lport"),
                    r.get("faddr"), r.get("fport"), r.get("name"));
        } else if (event instanceof AuditEvent.Unix e) {
            return Arrays.asList(5, label, kind, operation, e.sockType(), e.address(), e.peerAddress(), e.requested(),
                    e.denied());
        } else if (event instanceof AuditEvent.Signal e) {
            return Arrays.asList(6, label, kind, e.signal(), e.peer(), e.requested(), e.denied());
        } else if (event instanceof AuditEvent.Ptrace e) {
            return Arrays.asList(7, label, kind, e.peer(), e.requested(), e.denied());
        } else if (event instanceof AuditEvent.Mount e) {
            return Arrays.asList(8, label, kind, operation, e.name(), e.source(), e.fstype(), e.flags());
        } else if (event instanceof AuditEvent.Dbus e) {
            return Arrays.asList(9, label, kind, e.bus(), e.path(), e.iface(), e.member(), e.name(), e.mask(), e.peerLabel());
        } else if (event instanceof AuditEvent.Mqueue e) {
            return Arrays.asList(10, label, kind, e.queueClass(), e.name(), e.requested(), e.denied());
        } else if (event instanceof AuditEvent.IoUring e) {
            return Arrays.asList(11, label, kind, e.requested(), e.denied(), e.targetLabel());
        }
        return null;
    }

    /**
     * The profile a rule goes into, from the event's label: {@code a//b} is child {@code b} of
     * {@code a}; a learning label {@code a//null-…} is {@code a} (or its hat, see
     * {@link LearningLabels}); a user namespace made by an unconfined program goes to that program.
     */
    static ProfilePath placement(AuditEvent event, LearningLabels learning) {
        String text = event.profile();
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (event instanceof AuditEvent.Userns userns && "unconfined".equals(text) && userns.execPath() != null
                && !userns.execPath().isEmpty()) {
            return ProfilePath.of(userns.execPath());
        }
        ProfileLabel label = ProfileLabel.parse(text);
        List<String> parts = new ArrayList<>(label.parts());
        if (learning == LearningLabels.TO_EXECUTING_PROFILE) {
            while (parts.size() > 1 && parts.get(parts.size() - 1).startsWith("null-")) {
                parts.remove(parts.size() - 1);
            }
        }
        for (String part : parts) {
            // "@{" in a name is a variable reference to apparmor_parser, escaped or not, and a
            // backslash comes back from its escape doubled: such a label cannot be written as a
            // header that names it and nothing else, so its events get no suggestion.
            if (part.isEmpty() || part.contains("@{") || part.indexOf('\\') >= 0 || !validGlob(part)) {
                return null;
            }
        }
        return new ProfilePath(parts);
    }
}
