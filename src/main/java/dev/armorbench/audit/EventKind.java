package dev.armorbench.audit;

/** What AppArmor says about a record: the value of its {@code apparmor=} key. */
public enum EventKind {
    AUDIT,
    ALLOWED,
    DENIED,
    HINT,
    STATUS,
    ERROR;

    /** The kind named by an {@code apparmor="…"} value, or null when the value is not one. */
    static EventKind fromKeyword(String value) {
        switch (value) {
            case "DENIED": return DENIED;
            case "ALLOWED": return ALLOWED;
            case "AUDIT": return AUDIT;
            case "HINT": return HINT;
            case "STATUS": return STATUS;
            case "ERROR": return ERROR;
            default: return null;
        }
    }

    /**
     * The kind of a legacy audit record type: 1501 AUDIT, 1502 ALLOWED (complain), 1503 DENIED,
     * 1504 HINT, 1505 STATUS, 1506 ERROR. 1500 and everything else carry no kind.
     */
    static EventKind fromAuditType(int type) {
        switch (type) {
            case 1501: return AUDIT;
            case 1502: return ALLOWED;
            case 1503: return DENIED;
            case 1504: return HINT;
            case 1505: return STATUS;
            case 1506: return ERROR;
            default: return null;
        }
    }
}
