package dev.armorbench.files;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Why a file the user named could not be read, said the same way by every command and window:
 * the cause in words and what to do, never an exception's class name. Logs have their own, with
 * the groups that may read them ({@code audit.LogFiles}).
 */
public final class ReadProblem {
    private ReadProblem() {
    }

    /** {@code cannot read FILE: REASON}. */
    public static String cannotRead(Path file, IOException e) {
        return "cannot read " + file + ": " + reason(file, e);
    }

    /** {@code Cannot read FILE: REASON.}, as a message on its own. */
    public static String sentence(Path file, IOException e) {
        return "Cannot read " + file + ": " + reason(file, e) + ".";
    }

    /** The reason alone, fit to follow {@code cannot read FILE: }. */
    public static String reason(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file; check the path";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied; run as a user who may read it, or copy it to a file you may read";
        }
        if (e instanceof CharacterCodingException) {
            return "it is not UTF-8 text";
        }
        if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason(); // ours (binary, too large) or the system's, which names the cause
        }
        if (Files.isDirectory(file)) {
            // Reading a directory fails with a bare "Is a directory"; an include's directory that
            // cannot be listed fails with a reason of its own, above.
            return "it is a directory; give a file in it";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
