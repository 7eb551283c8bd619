package dev.armorbench.audit;

/**
 * The numbers ({@link AuditKeys#idOf}) of the keys that the classifier and {@link AuditRecord}
 * look up in every record. As constants the JIT folds them into one array read per lookup, where
 * a key's string would be looked up in the key table on every call (one of session 20's changes
 * that together cut a line's time by 15–19%: docs/audit-speed-history.md).
 */
final class KeyIds {
    static final int OPERATION = AuditKeys.idOf(AuditKeys.OPERATION);
    static final int CLASS = AuditKeys.idOf(AuditKeys.CLASS);
    static final int PROFILE = AuditKeys.idOf(AuditKeys.PROFILE);
    static final int LABEL = AuditKeys.idOf(AuditKeys.LABEL);
    static final int NAME = AuditKeys.idOf(AuditKeys.NAME);
    static final int NAME2 = AuditKeys.idOf(AuditKeys.NAME2);
    static final int TARGET = AuditKeys.idOf(AuditKeys.TARGET);
    static final int COMM = AuditKeys.idOf(AuditKeys.COMM);
    static final int PID = AuditKeys.idOf(AuditKeys.PID);
    static final int REQUESTED_MASK = AuditKeys.idOf(AuditKeys.REQUESTED_MASK);
    static final int DENIED_MASK = AuditKeys.idOf(AuditKeys.DENIED_MASK);
    static final int REQUESTED = AuditKeys.idOf(AuditKeys.REQUESTED);
    static final int DENIED = AuditKeys.idOf(AuditKeys.DENIED);
    static final int MASK = AuditKeys.idOf(AuditKeys.MASK);
    static final int FSUID = AuditKeys.idOf(AuditKeys.FSUID);
    static final int OUID = AuditKeys.idOf(AuditKeys.OUID);
    static final int INFO = AuditKeys.idOf(AuditKeys.INFO);
    static final int ERROR = AuditKeys.idOf(AuditKeys.ERROR);
    static final int FAMILY = AuditKeys.idOf(AuditKeys.FAMILY);
    static final int SOCK_TYPE = AuditKeys.idOf(AuditKeys.SOCK_TYPE);
    static final int PROTOCOL = AuditKeys.idOf(AuditKeys.PROTOCOL);
    static final int LADDR = AuditKeys.idOf(AuditKeys.LADDR);
    static final int LPORT = AuditKeys.idOf(AuditKeys.LPORT);
    static final int FADDR = AuditKeys.idOf(AuditKeys.FADDR);
    static final int FPORT = AuditKeys.idOf(AuditKeys.FPORT);
    static final int SADDR = AuditKeys.idOf(AuditKeys.SADDR);
    static final int SRC = AuditKeys.idOf(AuditKeys.SRC);
    static final int DADDR = AuditKeys.idOf(AuditKeys.DADDR);
    static final int DEST = AuditKeys.idOf(AuditKeys.DEST);
    static final int ADDR = AuditKeys.idOf(AuditKeys.ADDR);
    static final int PEER_ADDR = AuditKeys.idOf(AuditKeys.PEER_ADDR);
    static final int PEER = AuditKeys.idOf(AuditKeys.PEER);
    static final int PEER_PID = AuditKeys.idOf(AuditKeys.PEER_PID);
    static final int PEER_LABEL = AuditKeys.idOf(AuditKeys.PEER_LABEL);
    static final int PEER_PROFILE = AuditKeys.idOf(AuditKeys.PEER_PROFILE);
    static final int SIGNAL = AuditKeys.idOf(AuditKeys.SIGNAL);
    static final int BUS = AuditKeys.idOf(AuditKeys.BUS);
    static final int PATH = AuditKeys.idOf(AuditKeys.PATH);
    static final int INTERFACE = AuditKeys.idOf(AuditKeys.INTERFACE);
    static final int MEMBER = AuditKeys.idOf(AuditKeys.MEMBER);
    static final int METHOD = AuditKeys.idOf(AuditKeys.METHOD);
    static final int CAPABILITY = AuditKeys.idOf(AuditKeys.CAPABILITY);
    static final int CAPNAME = AuditKeys.idOf(AuditKeys.CAPNAME);
    static final int FSTYPE = AuditKeys.idOf(AuditKeys.FSTYPE);
    static final int SRCNAME = AuditKeys.idOf(AuditKeys.SRCNAME);
    static final int FLAGS = AuditKeys.idOf(AuditKeys.FLAGS);
    static final int TCONTEXT = AuditKeys.idOf(AuditKeys.TCONTEXT);
    static final int EXECPATH = AuditKeys.idOf(AuditKeys.EXECPATH);
    static final int KMOD = AuditKeys.idOf(AuditKeys.KMOD);

    private KeyIds() {}
}
