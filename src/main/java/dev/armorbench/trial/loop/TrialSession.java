package dev.armorbench.trial.loop;

import dev.armorbench.trial.RunConfiguration;
import java.util.List;

/**
 * The complain → enforce loop of one profile file, as saved between runs and restarts.
 *
 * @param profileFile the profile file's absolute path
 * @param configuration how its container runs
 * @param stableRunsNeeded complain runs without new events before enforce mode is proposed
 * @param expectedExitCode the exit code a working container ends with
 * @param iterations the runs so far, oldest first
 * @param rejected suggestions the user refused: not offered again unless asked
 */
public record TrialSession(String profileFile, RunConfiguration configuration, int stableRunsNeeded,
        long expectedExitCode, List<Iteration> iterations, List<OfferedRule> rejected) {
    public static final int DEFAULT_STABLE_RUNS = 2;

    public TrialSession {
        iterations = iterations == null ? List.of() : List.copyOf(iterations);
        rejected = rejected == null ? List.of() : List.copyOf(rejected);
        stableRunsNeeded = stableRunsNeeded <= 0 ? DEFAULT_STABLE_RUNS : stableRunsNeeded;
    }

    public static TrialSession start(String profileFile, RunConfiguration configuration) {
        return new TrialSession(profileFile, configuration, DEFAULT_STABLE_RUNS, 0, List.of(), List.of());
    }

    public TrialSession withIterations(List<Iteration> newIterations) {
        return new TrialSession(profileFile, configuration, stableRunsNeeded, expectedExitCode, newIterations, rejected);
    }

    public TrialSession withRejected(List<OfferedRule> newRejected) {
        return new TrialSession(profileFile, configuration, stableRunsNeeded, expectedExitCode, iterations, newRejected);
    }

    public TrialSession withConfiguration(RunConfiguration newConfiguration) {
        return new TrialSession(profileFile, newConfiguration, stableRunsNeeded, expectedExitCode, iterations, rejected);
    }

    public TrialSession withStableRunsNeeded(int runs) {
        return new TrialSession(profileFile, configuration, runs, expectedExitCode, iterations, rejected);
    }

    public TrialSession withExpectedExitCode(long code) {
        return new TrialSession(profileFile, configuration, stableRunsNeeded, code, iterations, rejected);
    }
}
