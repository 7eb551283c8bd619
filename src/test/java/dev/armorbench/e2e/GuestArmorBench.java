package dev.armorbench.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * ArmorBench's own code for a guest run, so that the guest runs {@code armorbench} itself: the
 * packaged {@code target/armorbench.jar} when it is at least as new as every compiled class (as in
 * {@code ./mvnw verify}, where integration tests run after {@code package}), else this test's own
 * class path (as in {@code ./mvnw test -Dtest=…IT}, where the jar may be missing or stale).
 *
 * <p>{@link #files()} go to the guest under {@code app/}; {@link #scriptPrelude()} sets
 * {@code ARMORBENCH_CLASSPATH} for the workload, in the guest's paths.
 */
final class GuestArmorBench {
    private static final String GUEST_FILES = "/armorbench/files/";

    private final Map<String, Path> files = new LinkedHashMap<>();
    private final List<String> classpath = new ArrayList<>();
    private final String origin;

    private GuestArmorBench(String origin) {
        this.origin = origin;
    }

    static GuestArmorBench forThisBuild() throws IOException {
        Path jar = Path.of(System.getProperty("armorbench.jar", "target/armorbench.jar")).toAbsolutePath();
        Path classes = jar.resolveSibling("classes");
        if (Files.isRegularFile(jar) && !olderThanAnyFileIn(jar, classes)) {
            GuestArmorBench app = new GuestArmorBench("packaged jar " + jar);
            app.add("app/armorbench.jar", jar);
            return app;
        }
        GuestArmorBench app = new GuestArmorBench("test class path (no up-to-date " + jar + ")");
        int index = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath();
            if (path.getFileName() != null && path.getFileName().toString().equals("test-classes")) {
                continue;
            }
            if (Files.isDirectory(path)) {
                String name = "app/classes" + index++;
                try (Stream<Path> tree = Files.walk(path)) {
                    for (Path file : tree.filter(Files::isRegularFile).toList()) {
                        app.files.put(name + "/" + path.relativize(file), file);
                    }
                }
                app.classpath.add(GUEST_FILES + name);
            } else if (Files.isRegularFile(path) && path.toString().endsWith(".jar")) {
                app.add("app/lib/" + index++ + "-" + path.getFileName(), path);
            }
        }
        return app;
    }

    private void add(String name, Path file) {
        files.put(name, file);
        classpath.add(GUEST_FILES + name);
    }

    private static boolean olderThanAnyFileIn(Path jar, Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        FileTime built = Files.getLastModifiedTime(jar);
        try (Stream<Path> tree = Files.walk(directory)) {
            return tree.filter(Files::isRegularFile).anyMatch(file -> {
                try {
                    return Files.getLastModifiedTime(file).compareTo(built) > 0;
                } catch (IOException e) {
                    return true;
                }
            });
        }
    }

    Map<String, Path> files() {
        return files;
    }

    /** The first line of the workload: where the guest finds ArmorBench's classes. */
    String scriptPrelude() {
        return "ARMORBENCH_CLASSPATH='" + String.join(":", classpath) + "'\n";
    }

    /** What the guest got, for the test's output. */
    String origin() {
        return origin;
    }
}
