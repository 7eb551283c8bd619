package dev.armorbench.policy.model;

import java.util.Set;
import java.util.TreeSet;

/** {@code capability [NAME …],}; no names means every capability. */
public record CapabilityRule(Qualifiers qualifiers, Set<String> names) implements Rule {
    /** The capabilities the reference knows (features.all). */
    public static final Set<String> KNOWN = Set.of("chown", "dac_override", "dac_read_search", "fowner", "fsetid",
            "kill", "setgid", "setuid", "setpcap", "linux_immutable", "net_bind_service", "net_broadcast", "net_admin",
            "net_raw", "ipc_lock", "ipc_owner", "sys_module", "sys_rawio", "sys_chroot", "sys_ptrace", "sys_pacct",
            "sys_admin", "sys_boot", "sys_nice", "sys_resource", "sys_time", "sys_tty_config", "mknod", "lease",
            "audit_write", "audit_control", "setfcap", "mac_override", "mac_admin", "syslog", "wake_alarm",
            "block_suspend", "audit_read", "perfmon", "bpf", "checkpoint_restore");

    @Override
    public String canonical() {
        return qualifiers.prefix() + "capability" + (names.isEmpty() ? "" : " " + String.join(" ", new TreeSet<>(names))) + ",";
    }

    @Override
    public boolean covers(Rule other) {
        return other instanceof CapabilityRule that && qualifiers.covers(that.qualifiers)
                && Permissions.covers(names, that.names);
    }
}
