package dev.armorbench.trial.load;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Runs a program with an argument list and given standard input. */
public interface CommandRunner {
    /**
     * @throws IOException when the program cannot be started
     * @throws CommandTimedOutException when it does not finish in time (it is then killed)
     */
    CommandOutput run(List<String> arguments, Optional<Path> workingDirectory, byte[] stdin, Duration timeout)
            throws IOException, CommandTimedOutException;

    /** A command that did not finish in its time and was killed. */
    final class CommandTimedOutException extends Exception {
        public CommandTimedOutException(String message) {
            super(message);
        }
    }
}
