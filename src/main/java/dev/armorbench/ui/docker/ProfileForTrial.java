package dev.armorbench.ui.docker;

import dev.armorbench.policy.check.PolicySources;
import dev.armorbench.policy.check.SourceFile;

/**
 * The first steps of a trial run, which belong to the window: check the current profile (errors
 * stop the run) and save it, so that what is loaded is what is on disk.
 */
@FunctionalInterface
public interface ProfileForTrial {
    /**
     * Checks and saves the current profile.
     *
     * @return the saved text and the include search path
     * @throws NotReady when the run must not start, saying why and what to do
     */
    SavedProfile checkAndSave() throws NotReady;

    /** The profile as saved, with where its includes are found. */
    record SavedProfile(SourceFile file, PolicySources sources) {
    }

    /** Why the current profile cannot be run now, in words that name the fix. */
    final class NotReady extends Exception {
        private static final long serialVersionUID = 1L;

        public NotReady(String message) {
            super(message);
        }
    }
}
