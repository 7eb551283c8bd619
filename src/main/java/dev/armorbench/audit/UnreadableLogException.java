package dev.armorbench.audit;

import java.io.IOException;

/**
 * A file named as a log that is no text log to read: a directory, a binary systemd journal, a log
 * compressed by a tool other than gzip, a gzip stream cut short. The message names the file and
 * the fix, fit to show as it is.
 */
public final class UnreadableLogException extends IOException {
    private static final long serialVersionUID = 1L;

    public UnreadableLogException(String message) {
        super(message);
    }

    public UnreadableLogException(String message, Throwable cause) {
        super(message, cause);
    }
}
