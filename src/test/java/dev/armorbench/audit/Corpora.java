package dev.armorbench.audit;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the peer corpora (system property {@code armorbench.corpora}); skips, or fails on CI. */
final class Corpora {
    private Corpora() {}

    static Path folder(String name) {
        String root = System.getProperty("armorbench.corpora");
        Path dir = root == null ? null : Path.of(root).toAbsolutePath().normalize().resolve(name);
        if (dir == null || !Files.isDirectory(dir)) {
            String message = "corpus " + name + " not found under armorbench.corpora=" + root;
            if ("true".equals(System.getenv("CI"))) {
                fail(message);
            }
            assumeTrue(false, message + "; skipping");
        }
        return dir;
    }
}
