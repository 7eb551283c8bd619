package dev.armorbench.trial.load;

/** What a finished command left: its exit code and both output streams as text. */
public record CommandOutput(int exitCode, String stdout, String stderr) {
}
