package dev.armorbench.ui;

import dev.armorbench.trial.load.ProfileLoader;
import dev.armorbench.trial.run.ProfileLoading;
import dev.armorbench.trial.run.TrialEventSource;
import dev.armorbench.trial.run.TrialRun;
import dev.armorbench.ui.docker.TrialRuns;

/**
 * The trial runs of the desktop app on this machine: profiles loaded by the real loader
 * ({@code apparmor_parser} as root through its privilege route) and AppArmor's events from the best
 * live log source.
 */
final class DockerTrials {
    private DockerTrials() {
    }

    static TrialRuns forThisMachine() {
        return new TrialRuns(ProfileLoading.through(ProfileLoader.forThisMachine()), TrialEventSource.live(),
                TrialRun.Settings.DEFAULT);
    }
}
