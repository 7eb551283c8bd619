package dev.armorbench.trial.loop;

import dev.armorbench.audit.RepeatAggregator;
import dev.armorbench.container.ProfileMode;
import dev.armorbench.suggest.Suggestion;
import dev.armorbench.trial.run.TrialOutcome;
import dev.armorbench.trial.run.TrialRunResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The complain → enforce loop: each trial run is an iteration with its events, its suggestions,
 * what was accepted or rejected, and how the profile changed since the previous one.
 *
 * <ul>
 *   <li>A complain run that exits and shows no event an earlier run of the session had not shown
 *       counts towards stable; after {@link TrialSession#stableRunsNeeded()} such runs in a row, the
 *       loop proposes enforce mode.</li>
 *   <li>An enforce run that exits with the expected exit code and no DENIED event completes the
 *       loop.</li>
 *   <li>Rejected suggestions are remembered and not offered again unless asked.</li>
 * </ul>
 *
 * Not thread-safe: one face drives it.
 */
public final class TrialLoop {
    /** {@code /proc/1234/…}: one path whatever the pid, or every run would see "new" events. */
    private static final Pattern PROC_PID = Pattern.compile("/proc/[0-9]+(?=/|$| )");

    /** Where the loop stands after its last run. */
    public enum State {
        /** No run yet. */
        NOT_STARTED,
        /** Complain runs until the events stop changing. */
        LEARNING,
        /** Enough stable complain runs: the next run should be in enforce mode. */
        ENFORCE_PROPOSED,
        /** The last enforce run did not meet the goal (DENIED events or another exit code). */
        ENFORCE_FAILED,
        /** The last enforce run exited as expected with no DENIED event. */
        COMPLETE
    }

    /**
     * The loop's state with its reason.
     *
     * @param goalMet the last run met its goal: enforce with zero DENIED and the expected exit code,
     *     or complain exiting with the expected exit code
     */
    public record Verdict(State state, boolean goalMet, String reason) {
    }

    private TrialSession session;

    public TrialLoop(TrialSession session) {
        this.session = session;
    }

    public TrialSession session() {
        return session;
    }

    /** Changes the session's settings (configuration, stable runs, expected exit code) and keeps its history. */
    public void update(TrialSession changed) {
        session = changed;
    }

    /**
     * Adds a finished run to the session.
     *
     * @param mode the mode the run's profile text was in
     * @param profileText the text the run loaded
     * @param offered the run's suggestions as offered ({@link #offered})
     */
    public Iteration record(TrialRunResult result, ProfileMode mode, Instant startedAt, String profileText,
            List<Suggestion> offered) {
        Set<String> seen = new HashSet<>();
        for (Iteration earlier : session.iterations()) {
            seen.addAll(earlier.eventKeys());
        }
        Set<String> keys = new LinkedHashSet<>();
        for (RepeatAggregator.Entry entry : result.distinctEvents()) {
            keys.add(eventKey(entry));
        }
        int fresh = 0;
        for (String key : keys) {
            if (!seen.contains(key)) {
                fresh++;
            }
        }
        Map<String, Long> byKind = new TreeMap<>();
        result.eventsByKind().forEach((kind, count) -> byKind.put(kind.name(), count));
        List<Iteration> iterations = new ArrayList<>(session.iterations());
        String previous = iterations.isEmpty() ? null : iterations.get(iterations.size() - 1).profileText();
        String diff = previous == null ? "" : ProfileDiff.unified("previous run", "this run", previous, profileText);
        Iteration iteration = new Iteration(iterations.size() + 1, mode.label(), startedAt.toString(), result.outcome().name(),
                result.exitCode(), result.duration().toMillis(), byKind, List.copyOf(keys), fresh,
                offered.stream().map(OfferedRule::of).toList(), List.of(), List.of(), profileText, diff,
                result.message());
        iterations.add(iteration);
        session = session.withIterations(iterations);
        return iteration;
    }

    /** The suggestions to offer: those the user rejected before are left out unless {@code includeRejected}. */
    public List<Suggestion> offered(List<Suggestion> suggestions, boolean includeRejected) {
        if (includeRejected) {
            return List.copyOf(suggestions);
        }
        Set<OfferedRule> rejected = new HashSet<>(session.rejected());
        return suggestions.stream()
                .filter(suggestion -> OfferedRule.allOf(suggestion).stream().noneMatch(rejected::contains))
                .toList();
    }

    /**
     * Records what the user did with the last run's suggestions. Rejected ones are remembered for
     * the next runs; accepting one that was rejected before takes it off that list.
     */
    public void decide(List<Suggestion> accepted, List<Suggestion> rejected) {
        List<Iteration> iterations = new ArrayList<>(session.iterations());
        if (iterations.isEmpty()) {
            throw new IllegalStateException("no run to decide about");
        }
        Iteration last = iterations.remove(iterations.size() - 1);
        List<OfferedRule> acceptedRules = accepted.stream().map(OfferedRule::of).toList();
        List<OfferedRule> rejectedRules = rejected.stream().map(OfferedRule::of).toList();
        iterations.add(last.withDecisions(acceptedRules, rejectedRules));
        Set<OfferedRule> remembered = new LinkedHashSet<>(session.rejected());
        for (Suggestion suggestion : rejected) {
            remembered.addAll(OfferedRule.allOf(suggestion));
        }
        for (Suggestion suggestion : accepted) {
            OfferedRule.allOf(suggestion).forEach(remembered::remove);
        }
        session = session.withIterations(iterations).withRejected(List.copyOf(remembered));
    }

    /** Forgets every rejection: all suggestions are offered again. */
    public void forgetRejections() {
        session = session.withRejected(List.of());
    }

    /** Complain runs in a row, most recent last, that exited and showed no new event. */
    public int stableRuns() {
        int stable = 0;
        List<Iteration> iterations = session.iterations();
        for (int i = iterations.size() - 1; i >= 0; i--) {
            Iteration iteration = iterations.get(i);
            if (!iteration.complain() || !iteration.exited() || iteration.newEvents() > 0) {
                break;
            }
            stable++;
        }
        return stable;
    }

    /** The mode the next run should use. */
    public ProfileMode nextMode() {
        Verdict verdict = verdict();
        return verdict.state() == State.ENFORCE_PROPOSED || verdict.state() == State.COMPLETE ? ProfileMode.ENFORCE
                : ProfileMode.COMPLAIN;
    }

    public Verdict verdict() {
        List<Iteration> iterations = session.iterations();
        if (iterations.isEmpty()) {
            return new Verdict(State.NOT_STARTED, false, "No trial run yet.");
        }
        Iteration last = iterations.get(iterations.size() - 1);
        long expected = session.expectedExitCode();
        if (!last.complain()) {
            if (!last.exited()) {
                return new Verdict(State.ENFORCE_FAILED, false, "The enforce run did not run to its end ("
                        + TrialOutcome.valueOf(last.outcome()).name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                        + "): " + last.message());
            }
            if (last.denied() > 0 || last.exitCode() != expected) {
                return new Verdict(State.ENFORCE_FAILED, false, "The enforce run "
                        + (last.exitCode() != expected ? "exited with " + last.exitCode() + " (expected " + expected + ")" : "exited as expected")
                        + (last.denied() > 0 ? " with " + last.denied() + " DENIED events" : " with no DENIED event")
                        + ": learn from them in complain mode and try enforce again.");
            }
            return new Verdict(State.COMPLETE, true, "Enforce mode: the container exited with " + last.exitCode()
                    + " and AppArmor denied nothing. The profile is done.");
        }
        boolean exitedAsExpected = last.exited() && last.exitCode() == expected;
        int stable = stableRuns();
        if (stable >= session.stableRunsNeeded()) {
            return new Verdict(State.ENFORCE_PROPOSED, exitedAsExpected, stable + " complain runs in a row showed no new"
                    + " event: switch to enforce mode." + stillAllowed(last));
        }
        String exit = last.exited() ? "exited with " + last.exitCode() + (last.exitCode() == expected ? ""
                : " (expected " + expected + ")") : "did not run to its end: " + last.message();
        return new Verdict(State.LEARNING, exitedAsExpected, "Complain mode: the last run " + exit + "; "
                + last.newEvents() + " new events; " + stable + " of " + session.stableRunsNeeded() + " stable runs.");
    }

    /**
     * What enforce mode will deny of a stable complain run: "no new event" does not mean no event,
     * and every ALLOWED line of a complain run is an access the profile does not grant yet.
     */
    private String stillAllowed(Iteration last) {
        long allowed = last.allowed();
        if (allowed == 0) {
            return "";
        }
        Set<OfferedRule> answered = new HashSet<>(last.accepted());
        answered.addAll(last.rejected());
        long undecided = Math.max(0, last.suggestions().size() - answered.size());
        if (undecided > 0) {
            return " Its " + allowed + " ALLOWED events are accesses the profile does not grant yet, and " + undecided
                    + (undecided == 1 ? " suggested rule is" : " suggested rules are") + " neither accepted nor"
                    + " rejected: enforce mode will deny what they would allow.";
        }
        // Answered all: what was accepted is granted now; what was rejected stays an access the profile refuses.
        return session.rejected().isEmpty() ? "" : " Enforce mode will deny the accesses whose rules you rejected.";
    }

    /** An event's identity across runs: kind, label, operation, object, masks, with /proc pids folded. */
    static String eventKey(RepeatAggregator.Entry entry) {
        RepeatAggregator.Key key = entry.key();
        String text = key.kind() + " " + key.profile() + " " + key.operation() + " " + key.object() + " "
                + key.requested() + " " + key.denied();
        return PROC_PID.matcher(text).replaceAll("/proc/@{pid}");
    }
}
