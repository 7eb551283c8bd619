package dev.armorbench.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Writes a file so that a crash, a full disk or a failed write never leaves it half written: the bytes
 * go to a temporary file in the same directory, are flushed to disk, and the temporary file is then
 * renamed over the original, which keeps its permissions.
 */
public final class AtomicFileWriter {
    /** How the temporary files end: one a crash left behind can be told from the user's files. */
    public static final String TEMPORARY_SUFFIX = ".armorbench-tmp";

    private AtomicFileWriter() {
    }

    /**
     * Replaces {@code target} with {@code content}.
     *
     * @throws IOException when any step fails; the original file is then untouched and no temporary
     *     file is left behind
     */
    public static void write(Path target, byte[] content) throws IOException {
        Path absolute = target.toAbsolutePath();
        // Write through a symbolic link to the file it names, as editors do, so the link survives.
        Path real = Files.isSymbolicLink(absolute) ? absolute.toRealPath() : absolute;
        Path directory = real.getParent();
        Set<PosixFilePermission> permissions = existingPermissions(real);

        Path temporary = Files.createTempFile(directory, "." + real.getFileName() + ".", TEMPORARY_SUFFIX);
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            if (permissions != null) {
                Files.setPosixFilePermissions(temporary, permissions);
            } else if (supportsPosix(temporary)) {
                // A new file gets the usual rw-r--r-- rather than the temporary file's private rw-------.
                Files.setPosixFilePermissions(temporary, Set.of(PosixFilePermission.OWNER_READ,
                        PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_READ,
                        PosixFilePermission.OTHERS_READ));
            }
            try {
                Files.move(temporary, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, real, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
            syncDirectory(directory);
        } finally {
            if (!moved) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    private static Set<PosixFilePermission> existingPermissions(Path file) throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS) || !supportsPosix(file.getParent())) {
            return null;
        }
        return Files.getPosixFilePermissions(file);
    }

    private static boolean supportsPosix(Path path) {
        return Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
    }

    /** Makes the rename itself durable; not every file system allows opening a directory, so best effort. */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // The data itself is already on disk; only the rename's durability is left to the file system.
        }
    }
}
