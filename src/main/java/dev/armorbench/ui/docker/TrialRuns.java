package dev.armorbench.ui.docker;

import dev.armorbench.trial.loop.SessionStore;
import dev.armorbench.trial.run.ContainerLauncher;
import dev.armorbench.trial.run.ProfileLoading;
import dev.armorbench.trial.run.TrialEventSource;
import dev.armorbench.trial.run.TrialRun;

/**
 * What the panel's trial runs are made of besides the engine: how the profile is loaded into the
 * kernel, where AppArmor's events are read, the run's timings, and where each profile's
 * complain → enforce loop is kept. The app passes this machine's real ones; tests on a kernel without
 * AppArmor pass their own loader and recorded kernel lines.
 */
public record TrialRuns(ProfileLoading loading, TrialEventSource events, TrialRun.Settings settings,
        SessionStore sessions) {
    /** Loops kept under {@code $XDG_STATE_HOME/armorbench/}. */
    public TrialRuns(ProfileLoading loading, TrialEventSource events, TrialRun.Settings settings) {
        this(loading, events, settings, SessionStore.forEnvironment(System.getenv()));
    }

    /** The same runs with their loops kept elsewhere. */
    public TrialRuns withSessions(SessionStore store) {
        return new TrialRuns(loading, events, settings, store);
    }

    /** One run whose containers the launcher starts. */
    TrialRun newRun(ContainerLauncher launcher) {
        return new TrialRun(loading, launcher, events, settings);
    }
}
