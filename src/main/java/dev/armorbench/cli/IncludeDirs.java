package dev.armorbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The {@code -I DIR} option that lint, tree, suggest and trial share: each must be a directory. */
final class IncludeDirs {
    private IncludeDirs() {
    }

    /**
     * What is wrong with the first {@code -I} that is no directory, or null: a file or a missing
     * path given by mistake would otherwise read as "the search path does not exist" on every include.
     */
    static String problem(List<Path> dirs) {
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                return "-I " + dir + ": " + (Files.exists(dir) ? "not a directory" : "no such directory")
                        + "; give the directory that holds abstractions/ and tunables/ (e.g. /etc/apparmor.d).";
            }
        }
        return null;
    }
}
