package dev.armorbench.trial.run;

import dev.armorbench.audit.AuditEvent;
import dev.armorbench.suggest.Suggestion;
import dev.armorbench.trial.OutputChannel;
import java.util.List;

/**
 * Follows a trial run as it happens. Called from the run's own threads (the container's output
 * arrives on the engine's thread, events and suggestions on the event thread), never from a UI
 * thread: a desktop face hands each call over to its own thread. Every method has a default that
 * ignores the call, so a listener implements only what it shows.
 */
public interface TrialListener {
    TrialListener NONE = new TrialListener() {
    };

    default void phase(TrialPhase phase) {
    }

    /**
     * The profile is in the kernel: the loader's words, naming the profiles and the mode the kernel
     * lists for each (e.g. "Loaded abtest (complain), abtest//helper (complain) as root.").
     */
    default void profileLoaded(String message) {
    }

    /** One line the container wrote, without its line end. */
    default void output(OutputChannel channel, String line) {
    }

    /** An AppArmor event of the profile family, since the container's start. */
    default void event(AuditEvent event) {
    }

    /** The suggestions for everything seen so far (the whole list, not a change). */
    default void suggestionsChanged(List<Suggestion> suggestions) {
    }

    /** Once, last: how the run ended. */
    default void finished(TrialRunResult result) {
    }
}
