package dev.armorbench.e2e;

import java.time.Duration;

/**
 * What one guest run gave back: the workload's exit code and everything it printed (stdout and
 * stderr, in order), with how long the guest took to boot and the workload to run.
 */
public record GuestResult(int exitCode, String output, Duration boot, Duration run) {

    /** Boot and workload together: the wall-clock cost of the run. */
    public Duration duration() {
        return boot.plus(run);
    }
}
