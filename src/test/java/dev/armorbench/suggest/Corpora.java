package dev.armorbench.suggest;

import dev.armorbench.testing.Requirements;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shared corpora folder, or a skipped (in CI: failed) test when it is absent. */
final class Corpora {
    private Corpora() {
    }

    static Path require(String folder) {
        String root = System.getProperty("armorbench.corpora");
        Path dir = root == null ? null : Path.of(root).toAbsolutePath().normalize().resolve(folder);
        Requirements.require(dir != null && Files.isDirectory(dir),
                "the shared corpora folder " + folder + " (system property armorbench.corpora)");
        return dir;
    }
}
