package dev.armorbench.ui.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.List;

/**
 * What the desktop app remembers between starts. Unknown keys are ignored so that a settings file
 * written by a newer version still loads.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Settings(Theme theme, List<String> recentFiles, WindowBounds window, String lastDirectory,
        List<String> includePath, List<String> openFiles) {
    /** Where {@code include <…>} looks when the user has not said otherwise: the system's policy. */
    public static final List<String> DEFAULT_INCLUDE_PATH = List.of("/etc/apparmor.d");

    /** How many files File → Open Recent lists. */
    public static final int MAX_RECENT_FILES = 10;

    public Settings {
        theme = theme == null ? Theme.LIGHT : theme;
        recentFiles = recentFiles == null ? List.of() : List.copyOf(recentFiles);
        includePath = includePath == null || includePath.isEmpty() ? DEFAULT_INCLUDE_PATH : List.copyOf(includePath);
        openFiles = openFiles == null ? List.of() : List.copyOf(openFiles);
    }

    public static Settings defaults() {
        return new Settings(Theme.LIGHT, List.of(), null, null, DEFAULT_INCLUDE_PATH, List.of());
    }

    public Settings withTheme(Theme newTheme) {
        return new Settings(newTheme, recentFiles, window, lastDirectory, includePath, openFiles);
    }

    public Settings withWindow(WindowBounds newWindow) {
        return new Settings(theme, recentFiles, newWindow, lastDirectory, includePath, openFiles);
    }

    public Settings withLastDirectory(String directory) {
        return new Settings(theme, recentFiles, window, directory, includePath, openFiles);
    }

    /** Puts {@code file} first in the recent list, once, keeping the list short. */
    public Settings withRecentFile(String file) {
        List<String> files = new ArrayList<>(recentFiles);
        files.remove(file);
        files.add(0, file);
        return new Settings(theme, files.subList(0, Math.min(files.size(), MAX_RECENT_FILES)), window, lastDirectory,
                includePath, openFiles);
    }

    public Settings withoutRecentFile(String file) {
        List<String> files = new ArrayList<>(recentFiles);
        files.remove(file);
        return new Settings(theme, files, window, lastDirectory, includePath, openFiles);
    }

    public Settings withIncludePath(List<String> directories) {
        return new Settings(theme, recentFiles, window, lastDirectory, directories, openFiles);
    }

    public Settings withoutRecentFiles() {
        return new Settings(theme, List.of(), window, lastDirectory, includePath, openFiles);
    }

    /** The files that were open when the app was last quit, in tab order: the next start opens them again. */
    public Settings withOpenFiles(List<String> files) {
        return new Settings(theme, recentFiles, window, lastDirectory, includePath, files);
    }

    /** The light or dark look of the whole app. */
    public enum Theme {
        LIGHT,
        DARK
    }

    /** The main window's place on the screen. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
    }
}
