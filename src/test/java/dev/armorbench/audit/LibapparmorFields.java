package dev.armorbench.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * Prints a record the way libapparmor's {@code test_multi} prints an {@code aa_log_record}
 * ({@code Operation: open}, {@code Denied Mask: r}, …), so that the corpus's {@code .out} files can
 * be compared line for line. libapparmor folds several kernel keys into one field (label into
 * profile, exe into command, target into name2); the fold is spelled out here.
 */
final class LibapparmorFields {
    private LibapparmorFields() {}

    static List<String> of(AuditRecord r) {
        RecordFields f = r.fields();
        List<String> out = new ArrayList<>();
        out.add("Event type: AA_RECORD_" + r.kind().name());
        if (r.serial() >= 0 && r.hasTime()) {
            long seconds = Math.floorDiv(r.epochMicros(), 1_000_000L);
            long millis = Math.floorMod(r.epochMicros(), 1_000_000L) / 1000;
            out.add("Audit ID: " + seconds + "." + String.format("%03d", millis) + ":" + r.serial());
            out.add("Epoch: " + seconds);
            out.add("Audit subid: " + r.serial());
        }
        put(out, "Operation", f.get("operation"));
        put(out, "Mask", f.lastOf("requested_mask", "requested"));
        put(out, "Denied Mask", f.lastOf("denied_mask", "denied", "mask"));
        put(out, "fsuid", f.get("fsuid"));
        put(out, "ouid", f.get("ouid"));
        put(out, "Profile", f.lastOf("profile", "label"));
        put(out, "Peer profile", f.lastOf("peer_profile", "peer_label", "tcontext"));
        put(out, "Peer", f.get("peer"));
        put(out, "Name", f.lastOf("name", "capname"));
        put(out, "Name2", f.lastOf("name2", "target"));
        put(out, "Command", f.lastOf("comm", "exe"));
        putNumber(out, "Parent", f.get("parent"));
        putNumber(out, "Task", f.get("task"));
        put(out, "Token", f.get("magic_token"));
        put(out, "Info", f.get("info"));
        String error = f.get("error");
        if (error != null) {
            out.add("ErrorCode: " + Math.abs(RecordFields.parseLong(error, 0)));
        }
        put(out, "PID", f.get("pid"));
        put(out, "Peer PID", f.get("peer_pid"));
        put(out, "Network family", f.get("family"));
        put(out, "Socket type", f.get("sock_type"));
        put(out, "Protocol", f.get("protocol"));
        put(out, "Local addr", f.lastOf("laddr", "saddr"));
        put(out, "Foreign addr", f.lastOf("faddr", "daddr"));
        put(out, "Local port", f.lastOf("lport", "src"));
        put(out, "Foreign port", f.lastOf("fport", "dest"));
        putAddress(out, "Net Addr", f.get("addr"));
        putAddress(out, "Peer Addr", f.get("peer_addr"));
        put(out, "Namespace", f.get("namespace"));
        put(out, "Attribute", f.get("attribute"));
        put(out, "Signal", f.get("signal"));
        put(out, "Class", f.get("class"));
        put(out, "Kmod", f.get("kmod"));
        put(out, "Execpath", f.get("execpath"));
        put(out, "Flags", f.get("flags"));
        put(out, "FS Type", f.get("fstype"));
        put(out, "Src name", f.get("srcname"));
        put(out, "DBus bus", f.get("bus"));
        put(out, "DBus path", f.get("path"));
        put(out, "DBus interface", f.get("interface"));
        put(out, "DBus member", f.lastOf("member", "method"));
        return out;
    }

    private static void put(List<String> out, String label, String value) {
        if (value != null) {
            out.add(label + ": " + value);
        }
    }

    private static void putNumber(List<String> out, String label, String value) {
        if (value != null) {
            out.add(label + ": " + RecordFields.parseLong(value, 0));
        }
    }

    /** libapparmor leaves out unix addresses the kernel logs as {@code none}, and dbus-daemon's {@code addr=?}. */
    private static void putAddress(List<String> out, String label, String value) {
        if (value != null && !value.equals("none") && !value.equals("?")) {
            out.add(label + ": " + value);
        }
    }
}
