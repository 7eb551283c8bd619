package dev.armorbench.ui.editor;

import java.util.List;
import java.util.Set;

/**
 * The closed sets of names the AppArmor language knows, as completion offers them. The policy engine
 * keeps its own sets for checking (they are not public); this copy follows the same reference
 * (apparmor_parser's keyword tables and features.all) and must be kept in step with it.
 */
final class AppArmorVocabulary {
    private AppArmorVocabulary() {
    }

    static final List<String> CAPABILITIES = List.of("audit_control", "audit_read", "audit_write", "block_suspend",
            "bpf", "checkpoint_restore", "chown", "dac_override", "dac_read_search", "fowner", "fsetid", "ipc_lock",
            "ipc_owner", "kill", "lease", "linux_immutable", "mac_admin", "mac_override", "mknod", "net_admin",
            "net_bind_service", "net_broadcast", "net_raw", "perfmon", "setfcap", "setgid", "setpcap", "setuid",
            "sys_admin", "sys_boot", "sys_chroot", "sys_module", "sys_nice", "sys_pacct", "sys_ptrace", "sys_rawio",
            "sys_resource", "sys_time", "sys_tty_config", "syslog", "wake_alarm");

    /** Network families, the common ones first. */
    static final List<String> NETWORK_FAMILIES = List.of("inet", "inet6", "unix", "netlink", "packet", "bluetooth",
            "alg", "appletalk", "ash", "atmpvc", "atmsvc", "ax25", "bridge", "caif", "can", "econet", "ib", "ieee802154",
            "ipx", "irda", "isdn", "iucv", "kcm", "key", "llc", "mctp", "mpls", "netbeui", "netrom", "nfc", "phonet",
            "pppox", "qipcrtr", "rds", "rose", "rxrpc", "security", "smc", "sna", "tipc", "unspec", "vsock", "wanpipe",
            "x25", "xdp");
    static final List<String> SOCKET_TYPES = List.of("stream", "dgram", "seqpacket", "raw", "rdm", "packet");
    static final List<String> PROTOCOLS = List.of("tcp", "udp", "icmp", "icmpv6");
    static final List<String> NETWORK_PERMISSIONS = List.of("create", "bind", "listen", "accept", "connect", "send",
            "receive", "getopt", "setopt", "getattr", "setattr", "shutdown", "read", "write");

    /** Profile flags, as {@code flags=(…)} takes them. */
    static final List<String> PROFILE_FLAGS = List.of("complain", "enforce", "kill", "unconfined", "prompt",
            "default_allow", "audit", "attach_disconnected", "attach_disconnected.path=", "attach_disconnected.ipc",
            "no_attach_disconnected", "mediate_deleted", "delegate_deleted", "chroot_relative", "namespace_relative",
            "chroot_attach", "chroot_no_attach", "debug", "interruptible", "kill.signal=", "error=");

    /** Exec modes, safest first; the unconfined ones last. */
    static final List<String> EXEC_MODES = List.of("ix", "Px", "px", "Cx", "cx", "Pix", "pix", "Cix", "cix", "PUx",
            "pux", "CUx", "cux", "Ux", "ux");
    /** File permission sets people write most. */
    static final List<String> FILE_PERMISSIONS = List.of("r", "rw", "rk", "rwk", "mr", "w", "a", "k", "l", "m",
            "rix", "mrix");

    static final List<String> QUALIFIERS = List.of("audit", "deny", "allow", "owner", "priority=");
    /**
     * The words of the lists above that AppArmor 4 added: AppArmor 3's parser (Debian 12's 3.0.8)
     * refuses a file that holds one, so completion says so beside them (see
     * {@code trial.load.AppArmor4Feature}, which warns where this machine's parser refuses them).
     */
    static final Set<String> SINCE_APPARMOR_4 = Set.of("userns", "io_uring", "mqueue", "all", "priority=", "prompt",
            "default_allow", "debug", "interruptible", "attach_disconnected.ipc", "attach_disconnected.path=",
            "kill.signal=", "error=");
    /** Keywords that begin a rule inside a profile. */
    static final List<String> RULE_KEYWORDS = List.of("capability", "network", "file", "unix", "signal", "ptrace",
            "dbus", "mount", "remount", "umount", "pivot_root", "change_profile", "link", "set", "userns",
            "io_uring", "mqueue", "all");
    /** Keywords that begin something else inside a profile. */
    static final List<String> BLOCK_KEYWORDS = List.of("include", "profile", "hat", "if");
    /** Keywords of the preamble (before and between profiles). */
    static final List<String> PREAMBLE_KEYWORDS = List.of("abi", "include", "alias", "profile", "if");

    static final List<String> SIGNALS = List.of("hup", "int", "quit", "ill", "trap", "abrt", "bus", "fpe", "kill",
            "usr1", "segv", "usr2", "pipe", "alrm", "term", "stkflt", "chld", "cont", "stop", "stp", "ttin", "ttou",
            "urg", "xcpu", "xfsz", "vtalrm", "prof", "winch", "io", "pwr", "sys", "emt", "exists");
    static final List<String> RLIMITS = List.of("cpu", "fsize", "data", "stack", "core", "rss", "nofile", "ofile",
            "as", "nproc", "memlock", "locks", "sigpending", "msgqueue", "nice", "rtprio", "rttime");

    /** Words each rule takes after its keyword (the lexer's per-rule keywords and the common conditions). */
    static final List<String> SIGNAL_WORDS = List.of("send", "receive", "set=", "peer=");
    static final List<String> PTRACE_WORDS = List.of("trace", "tracedby", "read", "readby", "peer=");
    static final List<String> DBUS_WORDS = List.of("send", "receive", "bind", "eavesdrop", "bus=", "path=",
            "interface=", "member=", "name=", "peer=");
    static final List<String> UNIX_WORDS = List.of("create", "bind", "listen", "accept", "connect", "send",
            "receive", "getattr", "setattr", "getopt", "setopt", "shutdown", "type=", "protocol=", "addr=", "label=",
            "attr=", "opt=", "peer=");
    static final List<String> MOUNT_WORDS = List.of("fstype=", "options=");
    static final List<String> MQUEUE_WORDS = List.of("create", "open", "delete", "getattr", "setattr", "read",
            "write", "type=", "label=");
    static final List<String> CHANGE_PROFILE_WORDS = List.of("safe", "unsafe");
    static final List<String> USERNS_WORDS = List.of("create");
    static final List<String> IO_URING_WORDS = List.of("sqpoll", "override_creds", "label=");

    /** Built-in variables the parser defines inside every profile. */
    static final List<String> BUILTIN_VARIABLES = List.of("profile_name", "exec_path", "attach_path");
    /**
     * The variables {@code tunables/global} defines on Debian and Ubuntu (apparmor 3.x/4.x), offered
     * when a document includes it even if the search path cannot show the file.
     */
    static final List<String> TUNABLES_GLOBAL_VARIABLES = List.of("HOME", "HOMEDIRS", "PROC", "sys", "run",
            "etc_ro", "etc_rw", "multiarch", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_DESKTOP_DIR",
            "XDG_DOWNLOAD_DIR", "user_cache_dirs", "user_config_dirs", "user_share_dirs", "pid", "pids", "tid",
            "uid", "int", "hex", "HEX", "hexdigit", "word", "words", "pci", "pci_id", "pci_bus", "securityfs",
            "apparmorfs", "sbindir", "bindir", "libexecdir", "lib_dirs", "TMPDIR", "tmp");
}
