package dev.armorbench.trial.run;

/** How a trial run ended. Only {@link #EXITED} means the container ran to its own end. */
public enum TrialOutcome {
    /** The container ran and exited by itself; its exit code is in the result. */
    EXITED,
    /** Stopped on request before it exited. */
    STOPPED,
    /** Still running when the run's time was up; it was stopped. */
    TIMED_OUT,
    /** ArmorBench's check of the profile found errors; nothing was loaded. */
    LINT_FAILED,
    /** The kernel did not take the profile. */
    LOAD_FAILED,
    /** No readable source of AppArmor events on this machine. */
    NO_EVENT_SOURCE,
    /** The engine could not create or start the container, or went away during the run. */
    CONTAINER_FAILED
}
