package dev.armorbench.policy;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The shared peer corpora: found through {@code armorbench.corpora}; absent means skip, except on CI. */
public final class Corpora {
    private Corpora() {
    }

    public static Path root() {
        String property = System.getProperty("armorbench.corpora");
        Path root = property == null ? null : Path.of(property).toAbsolutePath().normalize();
        boolean present = root != null && Files.isDirectory(root);
        if (!present) {
            String why = "corpora not found (system property armorbench.corpora = " + property + ")";
            if ("true".equals(System.getenv("CI"))) {
                fail(why);
            }
            assumeTrue(false, why + "; skipping");
        }
        return root;
    }

    public static Path folder(String name) {
        Path folder = root().resolve(name);
        if (!Files.isDirectory(folder)) {
            if ("true".equals(System.getenv("CI"))) {
                fail("corpus folder missing: " + folder);
            }
            assumeTrue(false, "corpus folder missing: " + folder + "; skipping");
        }
        return folder;
    }

    /** Every regular file under a folder, in a stable order. */
    public static List<Path> filesUnder(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
