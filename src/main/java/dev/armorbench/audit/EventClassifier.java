package dev.armorbench.audit;

import static dev.armorbench.audit.KeyIds.*;

/** Turns a record into the typed event of its mediation class. */
final class EventClassifier {
    /**
     * The values this class compares with literals ({@code class=}, {@code operation=},
     * {@code family=}): the parser shares these very strings ({@link SharedValues}), so each
     * comparison that matches is one of identity. EventClassifierLiteralsTest keeps this list and the
     * {@code case} and {@code equals} literals below the same.
     */
    static final String[] COMPARED_VALUES = {
        "file", "cap", "net", "signal", "ptrace", "mount", "dbus", "posix_mqueue", "sysv_mqueue", "io_uring",
        "module", "namespace", "unix", "exec", "change_profile", "change_onexec", "change_hat", "capable",
        "umount", "remount", "pivotroot", "userns_create",
    };

    private EventClassifier() {}

    static AuditEvent classify(AuditRecord record) {
        RecordFields f = record.fields();
        if (record.kind() == EventKind.STATUS) {
            return new AuditEvent.Status(record, f.known(NAME), f.known(INFO), f.knownNumber(ERROR, 0));
        }
        String operation = f.known(OPERATION);
        String recordClass = f.known(CLASS);
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
                return new AuditEvent.Capability(record, f.firstKnown(CAPNAME, NAME), f.knownNumber(CAPABILITY, -1));
            case "net":
                return "unix".equals(f.known(FAMILY)) ? unix(record, f) : network(record, f);
            case "signal":
                return new AuditEvent.Signal(record, f.known(SIGNAL), f.known(PEER), requested(f), denied(f));
            case "ptrace":
                return new AuditEvent.Ptrace(record, f.known(PEER), requested(f), denied(f));
            case "mount":
                return new AuditEvent.Mount(record, f.known(NAME), f.known(SRCNAME), f.known(FSTYPE), f.known(FLAGS));
            case "dbus":
                return new AuditEvent.Dbus(record, f.known(BUS), f.known(PATH), f.known(INTERFACE),
                        f.firstKnown(MEMBER, METHOD), f.known(NAME), f.known(MASK),
                        f.firstKnown(PEER_LABEL, PEER_PROFILE), f.knownNumber(PEER_PID, -1));
            case "posix_mqueue":
            case "sysv_mqueue":
                return new AuditEvent.Mqueue(record, recordClass, f.known(NAME), requested(f), denied(f));
            case "io_uring":
                return new AuditEvent.IoUring(record, requested(f), denied(f), f.known(TCONTEXT));
            case "module":
                return new AuditEvent.Module(record, f.known(KMOD), f.known(NAME), requested(f), denied(f));
            case "namespace":
                return new AuditEvent.Userns(record, requested(f), denied(f), f.known(TARGET), f.known(EXECPATH));
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
            case "module": return "module"; // it has a name and masks, but is no file access
            default:
                break;
        }
        if (operation.startsWith("dbus_")) {
            return "dbus";
        }
        if (operation.startsWith("uring_")) {
            return "io_uring";
        }
        if ((f.known(FAMILY) != null) || (f.known(SOCK_TYPE) != null)) {
            return "net";
        }
        if (isTransition(operation) || (f.known(NAME) != null) || (f.known(REQUESTED_MASK) != null) || (f.known(DENIED_MASK) != null)) {
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
        return f.firstKnown(REQUESTED_MASK, REQUESTED);
    }

    private static String denied(RecordFields f) {
        return f.firstKnown(DENIED_MASK, DENIED);
    }

    private static AuditEvent file(AuditRecord record, RecordFields f) {
        return new AuditEvent.FileAccess(record, f.known(NAME), f.firstKnown(TARGET, NAME2), requested(f), denied(f),
                f.knownNumber(FSUID, -1), f.knownNumber(OUID, -1));
    }

    private static AuditEvent transition(AuditRecord record, RecordFields f) {
        return new AuditEvent.Transition(record, f.known(NAME), f.firstKnown(TARGET, NAME2), requested(f), denied(f),
                f.known(INFO));
    }

    private static AuditEvent network(AuditRecord record, RecordFields f) {
        return new AuditEvent.Network(record, f.known(FAMILY), f.known(SOCK_TYPE), f.known(PROTOCOL),
                f.firstKnown(LADDR, SADDR), portOf(f, LPORT, SRC), f.firstKnown(FADDR, DADDR), portOf(f, FPORT, DEST),
                requested(f), denied(f));
    }

    private static long portOf(RecordFields f, int a, int b) {
        long port = f.knownNumber(a, -1);
        return port >= 0 ? port : f.knownNumber(b, -1);
    }

    private static AuditEvent unix(AuditRecord record, RecordFields f) {
        return new AuditEvent.Unix(record, f.known(SOCK_TYPE), f.known(PROTOCOL), f.known(ADDR), f.known(PEER_ADDR),
                f.known(PEER), requested(f), denied(f));
    }
}
