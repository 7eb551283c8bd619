package dev.armorbench.audit;

import static dev.armorbench.audit.AuditKeys.*;

/** Turns a record into the typed event of its mediation class. */
final class EventClassifier {
    private EventClassifier() {}

    static AuditEvent classify(AuditRecord record) {
        RecordFields f = record.fields();
        if (record.kind() == EventKind.STATUS) {
            return new AuditEvent.Status(record, f.get(NAME), f.get(INFO), f.number(ERROR, 0));
        }
        String operation = f.get(OPERATION);
        String recordClass = f.get(CLASS);
        if (operation == null) {
            operation = "";
        }
        if (recordClass == null) {
            recordClass = classFromOperation(operation, f);
        }
        switch (recordClass) {
            case "file":
                return isTransition(operation) ? transition(record, f) : file(record, f);
            case "cap":
                return new AuditEvent.Capability(record, f.first(CAPNAME, NAME), f.number(CAPABILITY, -1));
            case "net":
                return "unix".equals(f.get(FAMILY)) ? unix(record, f) : network(record, f);
            case "signal":
                return new AuditEvent.Signal(record, f.get(SIGNAL), f.get(PEER), requested(f), denied(f));
            case "ptrace":
                return new AuditEvent.Ptrace(record, f.get(PEER), requested(f), denied(f));
            case "mount":
                return new AuditEvent.Mount(record, f.get(NAME), f.get(SRCNAME), f.get(FSTYPE), f.get(FLAGS));
            case "dbus":
                return new AuditEvent.Dbus(record, f.get(BUS), f.get(PATH), f.get(INTERFACE),
                        f.first(MEMBER, METHOD), f.get(NAME), f.get(MASK),
                        f.first(PEER_LABEL, PEER_PROFILE), f.number(PEER_PID, -1));
            case "posix_mqueue":
            case "sysv_mqueue":
                return new AuditEvent.Mqueue(record, recordClass, f.get(NAME), requested(f), denied(f));
            case "io_uring":
                return new AuditEvent.IoUring(record, requested(f), denied(f), f.get(TCONTEXT));
            case "namespace":
                return new AuditEvent.Userns(record, requested(f), denied(f), f.get(TARGET), f.get(EXECPATH));
            default:
                return isTransition(operation) ? transition(record, f) : new AuditEvent.Other(record);
        }
    }

    /** Records from kernels before {@code class=} existed: the operation and keys tell the class. */
    private static String classFromOperation(String operation, RecordFields f) {
        switch (operation) {
            case "capable": return "cap";
            case "signal": return "signal";
            case "ptrace": return "ptrace";
            case "mount":
            case "umount":
            case "remount":
            case "pivotroot": return "mount";
            case "userns_create": return "namespace";
            case "sysv_mqueue": return "sysv_mqueue";
            default:
                break;
        }
        if (operation.startsWith("dbus_")) {
            return "dbus";
        }
        if (operation.startsWith("uring_")) {
            return "io_uring";
        }
        if (f.has(FAMILY) || f.has(SOCK_TYPE)) {
            return "net";
        }
        if (isTransition(operation) || f.has(NAME) || f.has(REQUESTED_MASK) || f.has(DENIED_MASK)) {
            return "file";
        }
        return "";
    }

    private static boolean isTransition(String operation) {
        switch (operation) {
            case "exec":
            case "change_profile":
            case "change_onexec":
            case "change_hat":
                return true;
            default:
                return false;
        }
    }

    private static String requested(RecordFields f) {
        return f.first(REQUESTED_MASK, REQUESTED);
    }

    private static String denied(RecordFields f) {
        return f.first(DENIED_MASK, DENIED);
    }

    private static AuditEvent file(AuditRecord record, RecordFields f) {
        return new AuditEvent.FileAccess(record, f.get(NAME), f.first(TARGET, NAME2), requested(f), denied(f),
                f.number(FSUID, -1), f.number(OUID, -1));
    }

    private static AuditEvent transition(AuditRecord record, RecordFields f) {
        return new AuditEvent.Transition(record, f.get(NAME), f.first(TARGET, NAME2), requested(f), denied(f),
                f.get(INFO));
    }

    private static AuditEvent network(AuditRecord record, RecordFields f) {
        return new AuditEvent.Network(record, f.get(FAMILY), f.get(SOCK_TYPE), f.get(PROTOCOL),
                f.first(LADDR, SADDR), portOf(f, LPORT, SRC), f.first(FADDR, DADDR), portOf(f, FPORT, DEST),
                requested(f), denied(f));
    }

    private static long portOf(RecordFields f, String a, String b) {
        long port = f.number(a, -1);
        return port >= 0 ? port : f.number(b, -1);
    }

    private static AuditEvent unix(AuditRecord record, RecordFields f) {
        return new AuditEvent.Unix(record, f.get(SOCK_TYPE), f.get(PROTOCOL), f.get(ADDR), f.get(PEER_ADDR),
                f.get(PEER), requested(f), denied(f));
    }
}
