package dev.armorbench.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The questions the main window asks the user; one place so that every prompt reads the same way. */
public interface UserPrompts {
    /** The answer to "save your changes?". */
    enum UnsavedAnswer { SAVE, DISCARD, CANCEL }

    /** The answer to "the file changed on disk". */
    enum DiskChangeAnswer { RELOAD, KEEP_MINE }

    UnsavedAnswer askSaveChanges(String documentName);

    DiskChangeAnswer askReloadChanged(String documentName, boolean editorHasChanges);

    /** Asked before a save would overwrite changes another program made since the file was read. */
    boolean confirmOverwriteChanged(String documentName);

    void showError(String title, String message);

    /** Asks for the directories {@code include <…>} searches, one per line; empty when cancelled. */
    Optional<java.util.List<String>> askIncludePath(java.util.List<String> current);

    /** Asks for a 1-based line number up to {@code lineCount}. */
    Optional<Integer> askLineNumber(int lineCount);

    void showInformation(String title, String message);

    Optional<Path> chooseFileToOpen(Path initialDirectory);

    /**
     * Asks for the log files to import (audit.log, syslog, kern.log, journalctl or dmesg text; a log
     * with its rotated files); empty when the user cancels.
     */
    List<Path> chooseLogFiles(Path initialDirectory);

    Optional<Path> chooseFileToSave(Path initialDirectory, String suggestedName);
}
