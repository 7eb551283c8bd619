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

    @Override
    public Optional<Path> chooseLogFile(Path initialDirectory) {
        return Optional.ofNullable(filesToChoose.poll());
    }

    @Override
    public Optional<Path> chooseFileToSave(Path initialDirectory, String suggestedName) {
        return Optional.ofNullable(filesToChoose.poll());
    }
}
