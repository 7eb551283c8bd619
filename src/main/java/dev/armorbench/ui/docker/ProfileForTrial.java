package dev.armorbench.ui.docker;

import dev.armorbench.policy.check.PolicySources;
import dev.armorbench.policy.check.SourceFile;
import dev.armorbench.suggest.Suggestion;
import java.util.List;
import java.util.function.Consumer;

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

    /**
     * The profile as saved, with where its includes are found.
     *
     * @param inlineSuggestions shows the run's suggestions in the profile's editor as they come (on the FX thread)
     * @param origin            says in the editor where they come from ("trial run of IMAGE at 10:42")
     */
    record SavedProfile(SourceFile file, PolicySources sources, Consumer<List<Suggestion>> inlineSuggestions,
                        Consumer<String> origin) {
    }

    /** Why the current profile cannot be run now, in words that name the fix. */
    final class NotReady extends Exception {
        private static final long serialVersionUID = 1L;

        public NotReady(String message) {
            super(message);
        }
    }
}
