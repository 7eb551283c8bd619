package dev.armorbench.ui.docker;

import dev.armorbench.container.ProfileMode;
import java.util.Optional;

/**
 * The current profile's mode, which belongs to the window's editor: read from its text, and switched
 * by editing its {@code flags=(…)} as one undoable edit (loaded with the next run).
 */
public interface ModeEditing {
    /** The mode the current document's first profile declares; empty without a document. */
    Optional<ProfileMode> current();

    /** Puts every profile of the current document in {@code mode} (complain or enforce). */
    void switchTo(ProfileMode mode);

    /** Without a window: no document, nothing to switch. */
    ModeEditing NONE = new ModeEditing() {
        @Override
        public Optional<ProfileMode> current() {
            return Optional.empty();
        }

        @Override
        public void switchTo(ProfileMode mode) {
        }
    };
}
