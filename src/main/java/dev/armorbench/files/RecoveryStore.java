package dev.armorbench.files;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Keeps the text of unsaved documents on disk while the app runs, so that a crash, a kill or a
 * power cut loses at most the last moments of typing. Each running app has its own session folder
 * under the store's root, held by a lock on a file in it for as long as the app runs; a folder
 * whose lock is free belongs to an app that ended without closing its session, and its documents
 * are {@linkplain #orphans() offered back} at the next start. The folders are private to the user
 * (the text may be anything the user wrote).
 */
public final class RecoveryStore {
    private static final String LOCK = "lock";
    private static final String SNAPSHOT_SUFFIX = ".json";
    /**
     * The session folders this process holds. Their locks are never tested from here: on Linux,
     * closing any channel of a locked file drops every lock the process holds on it.
     */
    private static final java.util.Set<Path> HELD_HERE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * One document's unsaved text.
     *
     * @param id       the document, unique in its session
     * @param file     the file the document belongs to, or null while it has none
     * @param name     what the document's tab was called ({@code web.profile}, {@code Untitled 2})
     * @param text     the text in the editor
     * @param keptAt   when it was written, in milliseconds since 1970
     */
    public record Snapshot(String id, String file, String name, String text, long keptAt) {}

    /** A snapshot left by an app that ended without closing its session, and where it lies. */
    public record Orphan(Snapshot snapshot, Path location) {}

    private final Path root;
    private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public RecoveryStore(Path root) {
        this.root = root;
    }

    /** The root the sessions go under: {@code $XDG_STATE_HOME/armorbench/recovery} for the app. */
    public Path root() {
        return root;
    }

    /** Starts this app's session: a new folder, locked until {@link Session#close()} or the app's end. */
    public Session open() throws IOException {
        createPrivateDirectories(root);
        Path folder = Files.createTempDirectory(root, "session-", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        FileChannel channel = FileChannel.open(folder.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
            throw new IOException("cannot lock the new recovery folder " + folder);
        }
        HELD_HERE.add(folder.toAbsolutePath());
        return new Session(folder, channel, lock);
    }

    /**
     * The snapshots of sessions whose app has ended without closing them, oldest first; a dead
     * session folder with none left is removed. Unreadable snapshot files are left where they are.
     */
    public List<Orphan> orphans() throws IOException {
        List<Orphan> found = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return found;
        }
        try (DirectoryStream<Path> sessions = Files.newDirectoryStream(root, "session-*")) {
            for (Path folder : sessions) {
                if (Files.isDirectory(folder) && !HELD_HERE.contains(folder.toAbsolutePath()) && isAbandoned(folder)) {
                    List<Orphan> left = snapshotsIn(folder);
                    if (left.isEmpty()) {
                        removeSession(folder);
                    }
                    found.addAll(left);
                }
            }
        }
        found.sort(Comparator.comparingLong(orphan -> orphan.snapshot().keptAt()));
        return found;
    }

    /** Deletes an orphan once its text is safe elsewhere (reopened, and kept by the new session). */
    public void discard(Orphan orphan) throws IOException {
        Files.deleteIfExists(orphan.location());
        Path folder = orphan.location().getParent();
        if (snapshotsIn(folder).isEmpty()) {
            removeSession(folder);
        }
    }

    /** Whether no running app holds the session's lock. */
    private static boolean isAbandoned(Path folder) {
        Path lockFile = folder.resolve(LOCK);
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return false;
            }
            lock.release();
            return true;
        } catch (OverlappingFileLockException e) {
            return false; // this process holds it after all
        } catch (IOException e) {
            return false; // not ours to judge: leave it
        }
    }

    private List<Orphan> snapshotsIn(Path folder) throws IOException {
        List<Orphan> found = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return found;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + SNAPSHOT_SUFFIX)) {
            for (Path file : files) {
                try {
                    Snapshot snapshot = json.readValue(Files.readAllBytes(file), Snapshot.class);
                    if (snapshot != null && snapshot.text() != null) {
                        found.add(new Orphan(snapshot, file));
                    }
                } catch (IOException e) {
                    // A snapshot cut short by the crash itself: its previous version is gone with the
                    // atomic rename, so there is nothing better to offer; it stays for a person to look at.
                }
            }
        }
        return found;
    }

    private static void removeSession(Path folder) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                if (file.getFileName().toString().equals(LOCK) || file.getFileName().toString().endsWith(AtomicFileWriter.TEMPORARY_SUFFIX)) {
                    Files.deleteIfExists(file);
                }
            }
        }
        try {
            Files.deleteIfExists(folder);
        } catch (java.nio.file.DirectoryNotEmptyException e) {
            // An unreadable snapshot is kept (see snapshotsIn); so is its folder.
        }
    }

    private static void createPrivateDirectories(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory);
            try {
                Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: its own defaults apply.
            }
        }
    }

    /** This app's session: it keeps and forgets snapshots, and is removed when the app closes normally. */
    public final class Session implements AutoCloseable {
        private final Path folder;
        private final FileChannel lockChannel;
        private final FileLock lock;

        private Session(Path folder, FileChannel lockChannel, FileLock lock) {
            this.folder = folder;
            this.lockChannel = lockChannel;
            this.lock = lock;
        }

        public Path folder() {
            return folder;
        }

        /** Writes the snapshot, replacing the document's last one; atomic, so a crash leaves one or the other. */
        public synchronized void keep(Snapshot snapshot) throws IOException {
            AtomicFileWriter.write(fileOf(snapshot.id()), json.writeValueAsString(snapshot).getBytes(StandardCharsets.UTF_8));
        }

        /** Drops the document's snapshot: it was saved, or closed without saving on purpose. */
        public synchronized void forget(String id) throws IOException {
            Files.deleteIfExists(fileOf(id));
        }

        /** Ends the session: its snapshots go, since every document was saved or discarded on purpose. */
        @Override
        public synchronized void close() throws IOException {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
                for (Path file : files) {
                    if (!file.getFileName().toString().equals(LOCK)) {
                        Files.deleteIfExists(file);
                    }
                }
            }
            lock.release();
            lockChannel.close();
            Files.deleteIfExists(folder.resolve(LOCK));
            Files.deleteIfExists(folder);
            HELD_HERE.remove(folder.toAbsolutePath());
        }

        private Path fileOf(String id) {
            if (!id.matches("[A-Za-z0-9-]+")) {
                throw new IllegalArgumentException("not a snapshot id: " + id);
            }
            return folder.resolve(id + SNAPSHOT_SUFFIX);
        }
    }
}
