package dev.armorbench.trial.run;

/** Where a trial run stands, in the order they come. */
public enum TrialPhase {
    /** ArmorBench's own check of the profile; errors stop the run. */
    LINTING,
    /** The profile goes into the kernel. */
    LOADING,
    /** The container is created and started under the profile. */
    STARTING,
    /** The container runs; output and events stream in. */
    RUNNING,
    /** The container has exited; the last events of the run are read. */
    COLLECTING,
    /** The container is removed. */
    CLEANING_UP,
    /** Over; the result is known. */
    FINISHED
}
