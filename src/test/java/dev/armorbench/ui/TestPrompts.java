package dev.armorbench.ui;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import javafx.stage.Window;

/**
 * The real dialogs (tests click their buttons), except the native file choosers, which a headless
 * test cannot drive: those answer with the paths the test queued.
 */
final class TestPrompts extends FxUserPrompts {
    final Deque<Path> filesToChoose = new ArrayDeque<>();

    TestPrompts(Window owner) {
        super(owner);
    }

    @Override
    public Optional<Path> chooseFileToOpen(Path initialDirectory) {
        return Optional.ofNullable(filesToChoose.poll());
    }

    /** Log imports that choose several files at once; a queued single path is taken alone. */
    final Deque<java.util.List<Path>> logsToChoose = new ArrayDeque<>();

    @Override
    public java.util.List<Path> chooseLogFiles(Path initialDirectory) {
        if (!logsToChoose.isEmpty()) {
            return logsToChoose.poll();
        }
        Path one = filesToChoose.poll();
        return one == null ? java.util.List.of() : java.util.List.of(one);
    }

    @Override
    public Optional<Path> chooseFileToSave(Path initialDirectory, String suggestedName) {
        return Optional.ofNullable(filesToChoose.poll());
    }
}
