package dev.armorbench.audit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Folds repeated events into one entry with a count: the same kind, profile, operation and
 * object (path, capability, peer, address…) and the same masks are one thing to decide about, no
 * matter how many times a program retried it. Bounded: past {@code capacity} distinct events,
 * the one seen least recently is dropped, so a flood cannot grow it without end.
 */
public final class RepeatAggregator {
    /** What makes two events "the same". */
    public record Key(EventKind kind, String profile, String operation, String object, String requested, String denied) {
        public static Key of(AuditEvent event) {
            AuditRecord record = event.record();
            RecordFields f = record.fields();
            String object = objectOf(event);
            return new Key(record.kind(), record.profile(), record.operation(), object,
                    f.first(AuditKeys.REQUESTED_MASK, AuditKeys.REQUESTED),
                    f.first(AuditKeys.DENIED_MASK, AuditKeys.DENIED) != null
                            ? f.first(AuditKeys.DENIED_MASK, AuditKeys.DENIED) : f.get(AuditKeys.MASK));
        }

        private static String objectOf(AuditEvent event) {
            if (event instanceof AuditEvent.FileAccess file) {
                return file.name() + (file.target() == null ? "" : " -> " + file.target());
            } else if (event instanceof AuditEvent.Capability cap) {
                return cap.capname();
            } else if (event instanceof AuditEvent.Network net) {
                return net.family() + " " + net.sockType() + " " + net.protocol();
            } else if (event instanceof AuditEvent.Unix unix) {
                return unix.sockType() + " " + unix.address() + " " + unix.peerAddress() + " " + unix.peer();
            } else if (event instanceof AuditEvent.Signal signal) {
                return signal.signal() + " " + signal.peer();
            } else if (event instanceof AuditEvent.Ptrace ptrace) {
                return ptrace.peer();
            } else if (event instanceof AuditEvent.Dbus dbus) {
                return dbus.bus() + " " + dbus.path() + " " + dbus.iface() + "." + dbus.member() + " " + dbus.name()
                        + " " + dbus.peerLabel();
            } else if (event instanceof AuditEvent.Mount mount) {
                return mount.source() + " " + mount.name() + " " + mount.fstype() + " " + mount.flags();
            } else if (event instanceof AuditEvent.Transition t) {
                return t.name() + " -> " + t.target();
            } else if (event instanceof AuditEvent.Mqueue q) {
                return q.queueClass() + " " + q.name();
            } else if (event instanceof AuditEvent.Module m) {
                return m.module() != null ? m.module() : Objects.toString(m.file(), "");
            }
            return Objects.toString(event.record().get(AuditKeys.NAME), "");
        }
    }

    /** One distinct event: what makes it distinct, the first occurrence, how many times it came, and the last. */
    public static final class Entry {
        private final Key key;
        private final AuditEvent first;
        private long count;
        private AuditEvent last;

        Entry(Key key, AuditEvent first) {
            this.key = key;
            this.first = first;
            this.last = first;
        }

        public Key key() {
            return key;
        }

        public AuditEvent first() {
            return first;
        }

        public AuditEvent last() {
            return last;
        }

        public long count() {
            return count;
        }
    }

    private final int capacity;
    private final LinkedHashMap<Key, Entry> entries;
    private long evicted;

    public RepeatAggregator(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1024) * 2, 0.75f, true);
    }

    /** Counts an event; returns its entry (new when {@code count() == 1}). */
    public Entry add(AuditEvent event) {
        return add(Key.of(event), event, 1);
    }

    /**
     * Counts {@code times} events of {@code key} at once, {@code latest} the most recent of them:
     * repeats already folded elsewhere (on a run's thread, before they reach the window).
     */
    public Entry add(Key key, AuditEvent latest, long times) {
        Entry entry = entries.get(key);
        if (entry == null) {
            entry = new Entry(key, latest);
            entries.put(key, entry);
            if (entries.size() > capacity) {
                Iterator<Map.Entry<Key, Entry>> eldest = entries.entrySet().iterator();
                eldest.next();
                eldest.remove();
                evicted++;
            }
        }
        entry.count += times;
        entry.last = latest;
        return entry;
    }

    /** Distinct events, most recently seen last. */
    public List<Entry> entries() {
        return new ArrayList<>(entries.values());
    }

    public int size() {
        return entries.size();
    }

    /** Distinct events forgotten to stay within capacity. */
    public long evicted() {
        return evicted;
    }
}
