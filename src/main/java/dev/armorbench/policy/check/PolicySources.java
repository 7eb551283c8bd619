package dev.armorbench.policy.check;

import dev.armorbench.files.TextBytes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where includes come from: {@code <name>} along the search path, {@code "name"} relative to the
 * base directory. Parsed files are cached and shared, so {@code abstractions/base} is read and
 * parsed once however many profiles include it.
 */
public final class PolicySources {
    /** Backup and package-manager leftovers the reference skips in a directory. */
    private static final List<String> SKIPPED_SUFFIXES = List.of(".dpkg-new", ".dpkg-old", ".dpkg-dist",
            ".dpkg-bak", ".dpkg-remove", ".pacsave", ".pacnew", ".rpmnew", ".rpmsave", ".orig", ".rej", "~");

    private final List<Path> searchPath;
    private final Path baseDir;
    private final Map<Path, SourceFile> cache = new ConcurrentHashMap<>();
    private final Map<String, java.util.Optional<Path>> resolved = new ConcurrentHashMap<>();
    private final Map<Path, List<Path>> directories = new ConcurrentHashMap<>();
    private final Map<Path, PreambleSnapshot> preambles = new ConcurrentHashMap<>();
    private final Map<IncludeKey, List<CachedInclude>> includes = new ConcurrentHashMap<>();

    /** An include read inside a profile under given block qualifiers. */
    record IncludeKey(Path file, dev.armorbench.policy.model.Qualifiers qualifiers) {
    }

    /** A cached reading whose recorded variable lookups all still give the same answers, or null. */
    CachedInclude cachedInclude(IncludeKey key, Variables variables) {
        List<CachedInclude> candidates = includes.get(key);
        if (candidates == null) {
            return null;
        }
        synchronized (candidates) {
            for (CachedInclude candidate : candidates) {
                if (candidate.matches(variables)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    void cacheInclude(IncludeKey key, CachedInclude value) {
        List<CachedInclude> candidates = includes.computeIfAbsent(key, k -> new ArrayList<>());
        synchronized (candidates) {
            // A few variants per include cover the real cases; more would only cost lookups.
            if (candidates.size() < 8) {
                candidates.add(value);
            }
        }
    }

    PreambleSnapshot preamble(Path include) {
        return preambles.get(include);
    }

    void preamble(Path include, PreambleSnapshot snapshot) {
        preambles.put(include, snapshot);
    }

    public PolicySources(List<Path> searchPath, Path baseDir) {
        this.searchPath = List.copyOf(searchPath);
        this.baseDir = baseDir;
    }

    public static PolicySources defaults() {
        return new PolicySources(List.of(Path.of("/etc/apparmor.d")), Path.of(""));
    }

    /** The directories {@code include <…>} looks in, in order. */
    public List<Path> searchPath() {
        return searchPath;
    }

    /**
     * True when not one directory of the search path exists: then every {@code include <…>} fails,
     * and the fix is to install AppArmor's policy files or choose another directory, not to edit
     * the profile.
     */
    public boolean searchPathMissing() {
        return searchPath.stream().noneMatch(Files::isDirectory);
    }

    /**
     * The abi files the search path offers ({@code abi/3.0}, …), from the first of its directories
     * that has an {@code abi} folder; empty when none has, or it cannot be read.
     */
    public List<String> abiNames() {
        for (Path dir : searchPath) {
            Path abi = dir.resolve("abi");
            if (Files.isDirectory(abi)) {
                try {
                    return directoryFiles(abi).stream().map(file -> "abi/" + file.getFileName()).toList();
                } catch (IOException e) {
                    return List.of();
                }
            }
        }
        return List.of();
    }

    /** The file or directory an include names, or null when there is none. */
    public Path resolve(String name, boolean searched) {
        return resolved.computeIfAbsent((searched ? "<" : "\"") + name, key -> java.util.Optional.ofNullable(lookUp(name, searched)))
                .orElse(null);
    }

    /** The files an include of this path reads: the file itself, or a directory's files; listed once. */
    public List<Path> includeFiles(Path target) throws IOException {
        List<Path> files = directories.get(target);
        if (files == null) {
            files = Files.isDirectory(target) ? directoryFiles(target) : List.of(target);
            directories.put(target, files);
        }
        return files;
    }

    private Path lookUp(String name, boolean searched) {
        if (searched) {
            for (Path dir : searchPath) {
                Path candidate = dir.resolve(name);
                if (Files.exists(candidate)) {
                    return candidate;
                }
            }
            return null;
        }
        Path candidate = Path.of(name);
        if (!candidate.isAbsolute()) {
            candidate = baseDir.resolve(name);
        }
        return Files.exists(candidate) ? candidate : null;
    }

    private final Map<Path, Path> keys = new ConcurrentHashMap<>();

    /** The absolute, normalized form of a path, computed once. */
    Path key(Path path) {
        return keys.computeIfAbsent(path, p -> p.toAbsolutePath().normalize());
    }

    /** A parsed file, read once (until {@link #refreshIfChanged} sees it change). */
    public SourceFile file(Path path) throws IOException {
        Path key = key(path);
        SourceFile cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        FileStamp stamp = FileStamp.of(path);
        SourceFile file = new SourceFile(path, TextBytes.readText(path));
        cache.put(key, file);
        stamps.put(key, stamp);
        return file;
    }

    /** When a file was last changed and how long it was, as seen before it was read. */
    private record FileStamp(long modifiedNanos, long size) {
        static FileStamp of(Path path) {
            try {
                java.nio.file.attribute.BasicFileAttributes attributes =
                        Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class);
                return new FileStamp(attributes.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS),
                        attributes.size());
            } catch (IOException e) {
                return new FileStamp(-1, -1);
            }
        }
    }

    private final Map<Path, FileStamp> stamps = new ConcurrentHashMap<>();

    /**
     * Forgets everything read from disk when any of it changed since: a cached file was edited or
     * removed, a directory gained or lost a file, or an include now resolves elsewhere (a file was
     * created earlier on the search path). A long-lived cache (the editor's, shared by its tabs)
     * calls this before each check, so a check never uses an include as it was before it changed.
     * Costs one file-status call per cached file and include name.
     *
     * @return true when the caches were cleared
     */
    public boolean refreshIfChanged() {
        boolean changed = false;
        for (Map.Entry<Path, FileStamp> entry : stamps.entrySet()) {
            if (!entry.getValue().equals(FileStamp.of(entry.getKey()))) {
                changed = true;
                break;
            }
        }
        if (!changed) {
            for (Map.Entry<String, java.util.Optional<Path>> entry : resolved.entrySet()) {
                String key = entry.getKey();
                if (!java.util.Optional.ofNullable(lookUp(key.substring(1), key.startsWith("<"))).equals(entry.getValue())) {
                    changed = true;
                    break;
                }
            }
        }
        if (!changed) {
            for (Map.Entry<Path, List<Path>> entry : directories.entrySet()) {
                try {
                    List<Path> now = Files.isDirectory(entry.getKey()) ? directoryFiles(entry.getKey()) : List.of(entry.getKey());
                    if (!now.equals(entry.getValue())) {
                        changed = true;
                        break;
                    }
                } catch (IOException e) {
                    changed = true;
                    break;
                }
            }
        }
        if (changed) {
            cache.clear();
            stamps.clear();
            resolved.clear();
            directories.clear();
            preambles.clear();
            includes.clear();
        }
        return changed;
    }

    /** Drops a file from the cache, e.g. after an editor changed it. */
    public void forget(Path path) {
        cache.remove(path.toAbsolutePath().normalize());
        resolved.clear();
        directories.clear();
        preambles.clear();
        includes.clear();
    }

    /** The files of a directory as the reference reads it: regular files, sorted, backups skipped. */
    public static List<Path> directoryFiles(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (Files.isRegularFile(entry) && !isSkipped(entry.getFileName().toString())) {
                    files.add(entry);
                }
            }
        }
        Collections.sort(files);
        return files;
    }

    public static boolean isSkipped(String name) {
        if (name.startsWith(".")) {
            return true;
        }
        for (String suffix : SKIPPED_SUFFIXES) {
            if (name.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }
}
