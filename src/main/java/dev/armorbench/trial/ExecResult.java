package dev.armorbench.trial;

/**
 * What a command run with {@code docker exec} did.
 *
 * @param exitCode its exit status
 * @param stdout   everything it wrote to standard output
 * @param stderr   everything it wrote to standard error
 */
public record ExecResult(long exitCode, String stdout, String stderr) {
}
