package dev.armorbench.ui.docker;

import dev.armorbench.container.ProfileMode;
import dev.armorbench.suggest.Suggestion;
import dev.armorbench.trial.RunConfiguration;
import dev.armorbench.trial.loop.Iteration;
import dev.armorbench.trial.loop.OfferedRule;
import dev.armorbench.trial.loop.SessionStore;
import dev.armorbench.trial.loop.TrialLoop;
import dev.armorbench.trial.loop.TrialSession;
import dev.armorbench.trial.run.TrialRunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The complain → enforce loop of the profile the panel follows: the engine's {@link TrialLoop} with its
 * session read from and saved to the {@link SessionStore} after every change. All of the loop's logic
 * (new events, stable runs, the verdict, remembered rejections) is the engine's; this only keeps the
 * session of the right file and says what went wrong with its file.
 */
final class ProfileLoop {
    private final SessionStore store;
    private Path profile;
    private TrialLoop loop;
    private String problem;
    /** What the user answered about the last run's suggestions so far (one run's answers come one by one). */
    private final List<Suggestion> accepted = new ArrayList<>();
    private final List<Suggestion> rejected = new ArrayList<>();

    ProfileLoop(SessionStore store) {
        this.store = store;
    }

    /**
     * Follows a profile file: its saved session, or a new one. Nothing changes when it is the file
     * already followed; an untitled document has no loop.
     *
     * @return whether another session is now shown
     */
    boolean follow(Optional<Path> file, RunConfiguration configuration) {
        Path normalized = file.map(path -> path.toAbsolutePath().normalize()).orElse(null);
        if (java.util.Objects.equals(normalized, profile)) {
            return false;
        }
        profile = normalized;
        accepted.clear();
        rejected.clear();
        problem = null;
        if (profile == null) {
            loop = null;
            return true;
        }
        SessionStore.Loaded loaded = store.load(profile);
        problem = loaded.warning().orElse(null);
        loop = new TrialLoop(loaded.session().orElseGet(() -> TrialSession.start(profile.toString(), configuration)));
        return true;
    }

    boolean active() {
        return loop != null;
    }

    Optional<Path> profile() {
        return Optional.ofNullable(profile);
    }

    TrialSession session() {
        return loop.session();
    }

    TrialLoop.Verdict verdict() {
        return loop.verdict();
    }

    int stableRuns() {
        return loop.stableRuns();
    }

    /** The session file that could not be read (kept aside), or a session that could not be saved. */
    Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /** The suggestions to show: rejected ones left out unless {@code includeRejected}. */
    List<Suggestion> offered(List<Suggestion> suggestions, boolean includeRejected) {
        return loop == null ? suggestions : loop.offered(suggestions, includeRejected);
    }

    /** A finished run of this profile becomes the session's next iteration, saved at once. */
    Iteration record(TrialRunResult result, ProfileMode mode, Instant startedAt, String profileText,
            RunConfiguration configuration, List<Suggestion> offered) {
        accepted.clear();
        rejected.clear();
        loop.update(loop.session().withConfiguration(configuration));
        Iteration iteration = loop.record(result, mode, startedAt, profileText, offered);
        save();
        return iteration;
    }

    /**
     * The user accepted or rejected suggestions in the inline diff. Only the last run's offers count:
     * answers to an imported log's suggestions are not the loop's.
     *
     * @return whether the session changed
     */
    boolean answered(List<Suggestion> nowAccepted, List<Suggestion> nowRejected) {
        if (loop == null || loop.session().iterations().isEmpty()) {
            return false;
        }
        Set<OfferedRule> offered = new HashSet<>(last().suggestions());
        boolean changed = false;
        for (Suggestion suggestion : nowAccepted) {
            if (offeredBy(offered, suggestion)) {
                accepted.add(suggestion);
                changed = true;
            }
        }
        for (Suggestion suggestion : nowRejected) {
            if (offeredBy(offered, suggestion)) {
                rejected.add(suggestion);
                changed = true;
            }
        }
        if (changed) {
            loop.decide(List.copyOf(accepted), List.copyOf(rejected));
            save();
        }
        return changed;
    }

    private static boolean offeredBy(Set<OfferedRule> offered, Suggestion suggestion) {
        return suggestion.alternatives().stream()
                .anyMatch(alternative -> offered.contains(new OfferedRule(suggestion.profile().toString(), alternative.rule())));
    }

    private Iteration last() {
        List<Iteration> iterations = loop.session().iterations();
        return iterations.get(iterations.size() - 1);
    }

    void setStableRunsNeeded(int runs) {
        if (loop != null && runs != loop.session().stableRunsNeeded()) {
            loop.update(loop.session().withStableRunsNeeded(runs));
            save();
        }
    }

    void setExpectedExitCode(long code) {
        if (loop != null && code != loop.session().expectedExitCode()) {
            loop.update(loop.session().withExpectedExitCode(code));
            save();
        }
    }

    /** Offers every rejected suggestion again from the next run on. */
    void forgetRejections() {
        if (loop != null && !loop.session().rejected().isEmpty()) {
            loop.forgetRejections();
            save();
        }
    }

    private void save() {
        try {
            store.save(loop.session());
            if (problem != null && problem.startsWith("The loop could not be saved")) {
                problem = null;
            }
        } catch (IOException e) {
            problem = "The loop could not be saved to " + store.fileFor(profile) + " (" + e.getMessage()
                    + "); check that the folder can be written. It stays in memory until ArmorBench quits.";
        }
    }
}
