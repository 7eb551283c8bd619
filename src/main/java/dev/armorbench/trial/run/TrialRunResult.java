package dev.armorbench.trial.run;

import dev.armorbench.audit.EventKind;
import dev.armorbench.audit.RepeatAggregator;
import dev.armorbench.suggest.Suggestion;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The end of one trial run.
 *
 * @param outcome how it ended
 * @param profileName the top-level profile the container ran under ({@code --security-opt apparmor=})
 * @param exitCode the container's exit code, or -1 when it did not exit by itself
 * @param duration from the start of the run (lint) to its end
 * @param eventsByKind AppArmor events of the profile family since the container's start, by kind
 * @param distinctEvents those events with repeats folded (the most recently seen last)
 * @param suggestions the rules the events ask for, against the profile as it was loaded
 * @param message what went wrong and what to do, or a short summary when all went well
 * @param lostEvents events dropped because the reader fell behind, or left unread when the source failed
 */
public record TrialRunResult(TrialOutcome outcome, String profileName, long exitCode, Duration duration,
        Map<EventKind, Long> eventsByKind, List<RepeatAggregator.Entry> distinctEvents, List<Suggestion> suggestions,
        String message, long lostEvents) {

    public TrialRunResult {
        EnumMap<EventKind, Long> copy = new EnumMap<>(EventKind.class);
        copy.putAll(eventsByKind);
        eventsByKind = java.util.Collections.unmodifiableMap(copy);
        distinctEvents = List.copyOf(distinctEvents);
        suggestions = List.copyOf(suggestions);
    }

    /** A run that never started a container. */
    static TrialRunResult refused(TrialOutcome outcome, String profileName, Duration duration, String message) {
        return new TrialRunResult(outcome, profileName, -1, duration, Map.of(), List.of(), List.of(), message, 0);
    }

    public boolean exited() {
        return outcome == TrialOutcome.EXITED;
    }

    public long events(EventKind kind) {
        return eventsByKind.getOrDefault(kind, 0L);
    }

    public long totalEvents() {
        return eventsByKind.values().stream().mapToLong(Long::longValue).sum();
    }

    public long denied() {
        return events(EventKind.DENIED);
    }
}
