package dev.armorbench.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts of events by kind, profile and operation: the form for logs too large to read line by
 * line. Memory grows with the number of distinct profiles and operations, not with the log.
 */
public final class LogSummary {
    private final long[] byKind = new long[EventKind.values().length];
    private final Map<String, long[]> byProfile = new HashMap<>();
    private final Map<String, long[]> byOperation = new HashMap<>();
    private long events;

    public void add(AuditEvent event) {
        events++;
        byKind[event.kind().ordinal()]++;
        count(byProfile, event.profile());
        count(byOperation, event.operation());
    }

    private static void count(Map<String, long[]> counts, String key) {
        counts.computeIfAbsent(key == null ? "(none)" : key, k -> new long[1])[0]++;
    }

    public long events() {
        return events;
    }

    public long count(EventKind kind) {
        return byKind[kind.ordinal()];
    }

    /** Profile → count, largest first. */
    public List<Map.Entry<String, Long>> profiles() {
        return sorted(byProfile);
    }

    /** Operation → count, largest first. */
    public List<Map.Entry<String, Long>> operations() {
        return sorted(byOperation);
    }

    private static List<Map.Entry<String, Long>> sorted(Map<String, long[]> counts) {
        List<Map.Entry<String, Long>> list = new ArrayList<>();
        counts.forEach((k, v) -> list.add(Map.entry(k, v[0])));
        list.sort(Collections.reverseOrder(Map.Entry.<String, Long>comparingByValue())
                .thenComparing(Map.Entry.comparingByKey()));
        return list;
    }

    /** The summary as text, one count per line under three headings. */
    public String format() {
        StringBuilder text = new StringBuilder();
        text.append(events).append(events == 1 ? " event\n" : " events\n");
        text.append("\nBy event:\n");
        for (EventKind kind : EventKind.values()) {
            if (byKind[kind.ordinal()] > 0) {
                text.append(String.format("%12d  %s%n", byKind[kind.ordinal()], kind.name()));
            }
        }
        text.append("\nBy profile:\n");
        profiles().forEach(e -> text.append(String.format("%12d  %s%n", e.getValue(), e.getKey())));
        text.append("\nBy operation:\n");
        operations().forEach(e -> text.append(String.format("%12d  %s%n", e.getValue(), e.getKey())));
        return text.toString();
    }
}
