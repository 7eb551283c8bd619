package dev.armorbench.trial.loop;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Map;

/**
 * One trial run of the loop, as saved in the session.
 *
 * @param number 1 for the first run of the session
 * @param mode {@code complain} or {@code enforce}
 * @param startedAt when the run started (ISO-8601, UTC)
 * @param outcome how it ended ({@link dev.armorbench.trial.run.TrialOutcome}'s name)
 * @param exitCode the container's exit code, -1 when it did not exit by itself
 * @param durationMillis how long the run took
 * @param eventsByKind AppArmor events of the profile family, by kind
 * @param eventKeys the distinct events, pids of {@code /proc/PID} folded (what "new" is measured against)
 * @param newEvents how many of {@code eventKeys} no earlier run of the session saw
 * @param suggestions what the run's events asked for, rejected ones left out
 * @param accepted the suggestions written into the profile after the run
 * @param rejected the suggestions refused after the run
 * @param profileText the profile text the run loaded
 * @param diff how that text differs from the previous run's (unified diff; empty for the first run or no change)
 * @param message the run's own summary or problem
 */
public record Iteration(int number, String mode, String startedAt, String outcome, long exitCode, long durationMillis,
        Map<String, Long> eventsByKind, List<String> eventKeys, int newEvents, List<OfferedRule> suggestions,
        List<OfferedRule> accepted, List<OfferedRule> rejected, String profileText, String diff, String message) {
    public Iteration {
        eventsByKind = eventsByKind == null ? Map.of() : Map.copyOf(eventsByKind);
        eventKeys = eventKeys == null ? List.of() : List.copyOf(eventKeys);
        suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
        accepted = accepted == null ? List.of() : List.copyOf(accepted);
        rejected = rejected == null ? List.of() : List.copyOf(rejected);
        profileText = profileText == null ? "" : profileText;
        diff = diff == null ? "" : diff;
        message = message == null ? "" : message;
    }

    @JsonIgnore
    public boolean complain() {
        return "complain".equals(mode);
    }

    @JsonIgnore
    public boolean exited() {
        return "EXITED".equals(outcome);
    }

    @JsonIgnore
    public long denied() {
        return eventsByKind.getOrDefault("DENIED", 0L);
    }

    @JsonIgnore
    public long allowed() {
        return eventsByKind.getOrDefault("ALLOWED", 0L);
    }

    Iteration withDecisions(List<OfferedRule> newAccepted, List<OfferedRule> newRejected) {
        return new Iteration(number, mode, startedAt, outcome, exitCode, durationMillis, eventsByKind, eventKeys,
                newEvents, suggestions, newAccepted, newRejected, profileText, diff, message);
    }
}
