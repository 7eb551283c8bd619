package dev.armorbench.trial.run;

import dev.armorbench.audit.LineSource;
import dev.armorbench.audit.LiveSourceDetector;
import java.util.List;
import java.util.Optional;

/**
 * Where a trial run reads AppArmor's records from. Opened before the container starts, so that
 * nothing it does is missed; the run keeps only the events of its profile family since its start.
 * {@link #live()} follows the best source of this machine; tests feed recorded kernel lines.
 */
@FunctionalInterface
public interface TrialEventSource {
    /**
     * The sources to follow for one run (each is closed at the run's end).
     *
     * @throws NoSource when this machine has no readable source, with the explanation
     */
    List<LineSource> open() throws NoSource;

    /** The best readable source of this machine (auditd's log, the journal, syslog, the kernel log), followed. */
    static TrialEventSource live() {
        return live(LiveSourceDetector.forThisMachine());
    }

    static TrialEventSource live(LiveSourceDetector detector) {
        return () -> {
            LiveSourceDetector.Detection detection = detector.detect();
            if (!detection.found()) {
                throw new NoSource(detection.explain());
            }
            return List.of(detection.best().follower());
        };
    }

    /** Why a run cannot see AppArmor's events, and how to fix it. */
    final class NoSource extends Exception {
        private static final long serialVersionUID = 1L;

        public NoSource(String explanation) {
            super(explanation);
        }

        public Optional<String> explanation() {
            return Optional.ofNullable(getMessage());
        }
    }
}
