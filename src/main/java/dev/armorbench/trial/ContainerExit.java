package dev.armorbench.trial;

import java.time.Duration;

/**
 * How a container ended.
 *
 * @param exitCode  the entry point's exit status (128 + signal when killed by one)
 * @param oomKilled whether the kernel killed it for memory
 * @param ranFor    from start to exit, as the engine recorded it; zero when unknown
 */
public record ContainerExit(long exitCode, boolean oomKilled, Duration ranFor) {
}
