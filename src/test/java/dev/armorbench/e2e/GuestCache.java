package dev.armorbench.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Where built guests live, outside the repository ({@code ${XDG_CACHE_HOME:-~/.cache}/armorbench/guest/}),
 * one directory per hash of the build script and the package list: changing either builds a new
 * guest, and the older ones are removed once it is complete. Downloaded packages are kept in
 * {@code apt-archives/} next to them and reused by the next build.
 */
final class GuestCache {
    /** debootstrap with cold package cache took minutes; leave room for a slow mirror. */
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(30);
    private static final String APT_ARCHIVES = "apt-archives";

    private final Path root;
    private final Path scripts;

    GuestCache(Path root, Path scripts) {
        this.root = root;
        this.scripts = scripts;
    }

    /** The cache under XDG_CACHE_HOME (or ~/.cache) for the scripts in {@code scripts}. */
    static GuestCache standard(Path scripts) {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank()
                ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".cache");
        return new GuestCache(base.resolve("armorbench").resolve("guest").toAbsolutePath(), scripts);
    }

    /** The hash of what defines the guest: build-guest.sh and guest-packages.list. */
    String key() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String file : List.of("build-guest.sh", "guest-packages.list")) {
                sha.update(file.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(Files.readAllBytes(scripts.resolve(file)));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Whether the guest for the current scripts is already built. */
    boolean isBuilt() {
        return Files.isRegularFile(new GuestImage(root.resolve(key())).manifest());
    }

    /**
     * The guest for the current scripts, built first when the cache does not hold it. The build's
     * progress lines (each phase and its duration) are echoed to standard output as they come.
     */
    GuestImage buildOrReuse() {
        GuestImage image = new GuestImage(root.resolve(key()));
        if (Files.isRegularFile(image.manifest())) {
            return image;
        }
        runBuild(image.directory());
        removeOtherBuilds(image.directory());
        return image;
    }

    private void runBuild(Path target) {
        Process build = null;
        try {
            Files.createDirectories(root);
            Path log = root.resolve("build-" + key() + ".log");
            build = new ProcessBuilder("bash", scripts.resolve("build-guest.sh").toString(),
                    target.toString(), root.resolve(APT_ARCHIVES).toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            FileTail progress = new FileTail(log, "guest build| ", System.out);
            long deadline = System.nanoTime() + BUILD_TIMEOUT.toNanos();
            while (!build.waitFor(1, TimeUnit.SECONDS)) {
                progress.poll();
                if (System.nanoTime() > deadline) {
                    throw new GuestFailure("Building the guest took longer than " + BUILD_TIMEOUT.toMinutes()
                            + " minutes; see " + log);
                }
            }
            progress.poll();
            if (build.exitValue() != 0) {
                throw new GuestFailure("Building the guest failed (exit " + build.exitValue() + "); see " + log
                        + " — .ci/guest-setup.sh installs what the build needs");
            }
        } catch (IOException e) {
            throw new GuestFailure("Cannot start build-guest.sh: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GuestFailure("Interrupted while building the guest", e);
        } finally {
            stopTree(build);
        }
    }

    /** A build left running (timed out, interrupted) would hold the cache's lock for minutes. */
    private static void stopTree(Process build) {
        if (build != null && build.isAlive()) {
            build.descendants().forEach(ProcessHandle::destroy);
            build.destroy();
        }
    }

    /** Guests built from older scripts take about a gigabyte each and are never used again. */
    private void removeOtherBuilds(Path current) {
        try (Stream<Path> entries = Files.list(root)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (Files.isDirectory(entry) && !entry.equals(current) && name.matches("[0-9a-f]{16}")) {
                    deleteTree(entry);
                }
            }
        } catch (IOException e) {
            System.err.println("guest: could not remove older guests under " + root + ": " + e.getMessage());
        }
    }

    static void deleteTree(Path tree) throws IOException {
        try (Stream<Path> paths = Files.walk(tree)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
