package dev.armorbench.ui.docker;

import dev.armorbench.trial.run.ContainerLauncher;
import dev.armorbench.trial.run.ProfileLoading;
import dev.armorbench.trial.run.TrialEventSource;
import dev.armorbench.trial.run.TrialRun;

/**
 * What the panel's trial runs are made of besides the engine: how the profile is loaded into the
 * kernel, where AppArmor's events are read, and the run's timings. The app passes this machine's
 * real ones; tests on a kernel without AppArmor pass their own loader and recorded kernel lines.
 */
public record TrialRuns(ProfileLoading loading, TrialEventSource events, TrialRun.Settings settings) {
    /** One run whose containers the launcher starts. */
    TrialRun newRun(ContainerLauncher launcher) {
        return new TrialRun(loading, launcher, events, settings);
    }
}
