package dev.armorbench.ui.editor;

/**
 * A feature of the {@link ProfileEditor} that can be added and removed on its own: highlighting,
 * problems, folding, search… Each keeps its listeners to itself and removes them on uninstall.
 */
public interface EditorComponent {
    void install(ProfileEditor editor);

    void uninstall(ProfileEditor editor);
}
