package dev.armorbench.ui.docker;

import dev.armorbench.audit.EventKind;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * One finished trial run, for the history.
 *
 * @param startedAt    when the run was started
 * @param image        what ran
 * @param exitCode     the container's exit status; empty when it never ran to an exit (stopped before start, engine gone)
 * @param duration     how long the container ran
 * @param eventsByKind the AppArmor events of the run, counted by kind
 * @param suggestions  how many rules the events asked for
 * @param outcome      how it ended, in a few words ("exited", "stopped", or the problem)
 */
public record RunRecord(Instant startedAt, String image, OptionalLong exitCode, Duration duration,
                        Map<EventKind, Integer> eventsByKind, int suggestions, String outcome) {
    public RunRecord {
        EnumMap<EventKind, Integer> counts = new EnumMap<>(EventKind.class);
        counts.putAll(eventsByKind);
        eventsByKind = java.util.Collections.unmodifiableMap(counts);
    }

    /** "3 DENIED, 1 ALLOWED", or "none". */
    public String eventsText() {
        if (eventsByKind.isEmpty()) {
            return "none";
        }
        return eventsByKind.entrySet().stream().map(entry -> entry.getValue() + " " + entry.getKey())
                .collect(Collectors.joining(", "));
    }

    /** "1.2 s", "2 min 5 s". */
    public String durationText() {
        long millis = duration.toMillis();
        if (millis < 60_000) {
            return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        return (millis / 60_000) + " min " + (millis % 60_000) / 1000 + " s";
    }
}
