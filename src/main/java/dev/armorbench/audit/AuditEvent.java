package dev.armorbench.audit;

/**
 * A typed AppArmor event: one record per mediation class, each holding the values that class
 * logs, and all of them holding the {@link AuditRecord} with every raw key/value.
 *
 * <p>Masks are kept as the kernel wrote them ({@code "r"}, {@code "send receive"}); older kernels
 * write {@code requested_mask}/{@code denied_mask}, newer ones {@code requested}/{@code denied} for
 * some classes, and the records accept both.
 */
public sealed interface AuditEvent {
    AuditRecord record();

    default EventKind kind() {
        return record().kind();
    }

    default String operation() {
        return record().operation();
    }

    default String profile() {
        return record().profile();
    }

    /** A file access: open, mkdir, link, rename, chown, file_mmap, … */
    record FileAccess(AuditRecord record, String name, String target, String requested, String denied,
            long fsuid, long ouid) implements AuditEvent {
        /** True when the file's owner is the acting user: aa-logprof then suggests {@code owner}. */
        public boolean ownedByActor() {
            return fsuid >= 0 && fsuid == ouid;
        }
    }

    /** A capability check; {@code capname} is the name without {@code CAP_}. */
    record Capability(AuditRecord record, String capname, long capability) implements AuditEvent {}

    /** An inet, inet6, netlink, packet, … socket operation. */
    record Network(AuditRecord record, String family, String sockType, String protocol,
            String localAddress, long localPort, String foreignAddress, long foreignPort,
            String requested, String denied) implements AuditEvent {}

    /** A unix-domain socket operation; addresses are {@code none} or the path/@abstract name. */
    record Unix(AuditRecord record, String sockType, String protocol, String address,
            String peerAddress, String peer, String requested, String denied) implements AuditEvent {}

    record Signal(AuditRecord record, String signal, String peer, String requested, String denied)
            implements AuditEvent {}

    record Ptrace(AuditRecord record, String peer, String requested, String denied)
            implements AuditEvent {}

    /** mount, umount, remount and pivotroot. */
    record Mount(AuditRecord record, String name, String source, String fstype, String flags)
            implements AuditEvent {}

    /** A D-Bus message or name operation, from dbus-daemon or dbus-broker. */
    record Dbus(AuditRecord record, String bus, String path, String iface, String member,
            String name, String mask, String peerLabel, long peerPid) implements AuditEvent {}

    /** POSIX or System V message queue; {@code queueClass} is {@code posix_mqueue} or {@code sysv_mqueue}. */
    record Mqueue(AuditRecord record, String queueClass, String name, String requested, String denied)
            implements AuditEvent {}

    /**
     * A kernel module load ({@code load_data}, {@code load_file} of {@code file}) or a request for
     * one by name ({@code kmod}). Upstream AppArmor's policy language has no module rule, so no rule is
     * suggested for it; the record still shows which profile was refused what.
     */
    record Module(AuditRecord record, String module, String file, String requested, String denied)
            implements AuditEvent {}

    record IoUring(AuditRecord record, String requested, String denied, String targetLabel)
            implements AuditEvent {}

    /** A user namespace creation, possibly transitioning to {@code target}. */
    record Userns(AuditRecord record, String requested, String denied, String target, String execPath)
            implements AuditEvent {}

    /** change_profile, change_onexec, change_hat and exec: a move to another label. */
    record Transition(AuditRecord record, String name, String target, String requested, String denied,
            String info) implements AuditEvent {}

    /** profile_load, profile_replace, profile_remove and load failures. */
    record Status(AuditRecord record, String name, String info, long error) implements AuditEvent {}

    /** A class this version does not model yet (rlimit, …); the raw key/values are all there. */
    record Other(AuditRecord record) implements AuditEvent {}
}
