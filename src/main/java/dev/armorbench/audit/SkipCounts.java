package dev.armorbench.audit;

import java.util.EnumMap;
import java.util.Map;

/** How many lines gave no event, by reason. Safe to read while a source thread adds to it. */
public final class SkipCounts {
    private final long[] counts = new long[SkipReason.values().length];

    synchronized void add(SkipReason reason) {
        counts[reason.ordinal()]++;
    }

    synchronized void add(SkipReason reason, long times) {
        counts[reason.ordinal()] += times;
    }

    public synchronized long count(SkipReason reason) {
        return counts[reason.ordinal()];
    }

    public synchronized long total() {
        long sum = 0;
        for (long c : counts) {
            sum += c;
        }
        return sum;
    }

    /** Lines that were meant as AppArmor records but were damaged or in the old free-text form. */
    public synchronized long damagedRecords() {
        long sum = 0;
        for (SkipReason reason : SkipReason.values()) {
            if (reason.isDamagedRecord()) {
                sum += counts[reason.ordinal()];
            }
        }
        return sum;
    }

    public synchronized Map<SkipReason, Long> asMap() {
        Map<SkipReason, Long> map = new EnumMap<>(SkipReason.class);
        for (SkipReason reason : SkipReason.values()) {
            if (counts[reason.ordinal()] > 0) {
                map.put(reason, counts[reason.ordinal()]);
            }
        }
        return map;
    }

    /** {@code 12 lines skipped: 10 not an AppArmor record, 2 truncated AppArmor record}. */
    public String describe() {
        StringBuilder text = new StringBuilder().append(total()).append(total() == 1 ? " line" : " lines").append(" skipped");
        String separator = ": ";
        for (Map.Entry<SkipReason, Long> entry : asMap().entrySet()) {
            text.append(separator).append(entry.getValue()).append(' ').append(entry.getKey().description());
            separator = ", ";
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
