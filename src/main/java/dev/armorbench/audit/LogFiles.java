package dev.armorbench.audit;

import dev.armorbench.files.ReadProblem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Set;

/**
 * What a file named as a log holds, told by its first bytes rather than its name: text, or text
 * compressed with gzip (how logrotate keeps old syslog and kern.log files: {@code kern.log.2.gz}),
 * which the reader takes as it is. Anything else is refused with an {@link UnreadableLogException}
 * that says how to get the text out: a directory, a binary systemd journal, a log compressed with
 * xz, zstd or bzip2. Also the message for a log the user may not read, shared by the command line
 * and the window.
 */
public final class LogFiles {
    /** How a readable log is stored. */
    public enum Form {
        TEXT,
        GZIP
    }

    private static final byte[] GZIP_MAGIC = {0x1f, (byte) 0x8b};
    private static final byte[] JOURNAL_MAGIC = {'L', 'P', 'K', 'S', 'H', 'H', 'R', 'H'};

    /** Compressions a log may come in that the JDK cannot read: their magic and the tool that can. */
    private enum OtherCompression {
        XZ(new byte[] {(byte) 0xfd, '7', 'z', 'X', 'Z', 0}, "xz"),
        ZSTD(new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd}, "zstd"),
        BZIP2(new byte[] {'B', 'Z', 'h'}, "bzip2");

        final byte[] magic;
        final String tool;

        OtherCompression(byte[] magic, String tool) {
            this.magic = magic;
            this.tool = tool;
        }
    }

    private LogFiles() {
    }

    /**
     * How {@code file} is stored; throws {@link UnreadableLogException} for what is not a log to read
     * (see the class comment), and {@link java.nio.file.NoSuchFileException} or
     * {@link java.nio.file.AccessDeniedException} as opening it does. A pipe or a device is text:
     * it is not opened here, as the bytes read to look would be gone for the reader.
     */
    public static Form formOf(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new UnreadableLogException(file + " is a directory: name a log file in it, such as audit.log,"
                    + " kern.log or syslog.");
        }
        if (!Files.isRegularFile(file)) {
            if (!Files.exists(file)) {
                throw new java.nio.file.NoSuchFileException(file.toString());
            }
            return Form.TEXT;
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(JOURNAL_MAGIC.length);
        }
        if (startsWith(head, GZIP_MAGIC)) {
            return Form.GZIP;
        }
        if (startsWith(head, JOURNAL_MAGIC)) {
            throw new UnreadableLogException(file + " is a binary systemd journal file: export the kernel's messages"
                    + " as text and read that: journalctl --file " + file + " -k -o short > kernel.log");
        }
        for (OtherCompression compression : OtherCompression.values()) {
            if (startsWith(head, compression.magic)) {
                throw new UnreadableLogException(file + " is compressed with " + compression.tool
                        + ": decompress it and read that: " + compression.tool + " -dc " + file + " > kernel.log");
            }
        }
        return Form.TEXT;
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }

    /**
     * Why {@code log} could not be read, with what to do, in the words that {@code logs},
     * {@code suggest} and File → Import Log all use. {@code failure} names the file where it can
     * (one of several logs); otherwise {@code log} is meant.
     */
    public static String problem(Path log, IOException failure) {
        Path file = failure instanceof FileSystemException fileSystem && fileSystem.getFile() != null
                ? Path.of(fileSystem.getFile()) : log;
        if (failure instanceof UnreadableLogException) {
            return failure.getMessage(); // a directory, a journal, another compression, gzip cut short: it names the fix
        }
        if (failure instanceof NoSuchFileException) {
            return file + ": no such file; check the path.";
        }
        if (failure instanceof AccessDeniedException) {
            return permissionDenied(file);
        }
        return ReadProblem.sentence(file, failure);
    }

    /** Which group may read the log, or that only its owner may, and how to get at it. */
    public static String permissionDenied(Path log) {
        String text = "Permission denied: you cannot read " + log + ". ";
        String copy = "sudo cat " + log + " > ~/" + log.getFileName();
        try {
            PosixFileAttributes attributes = Files.readAttributes(log, PosixFileAttributes.class);
            Set<PosixFilePermission> permissions = attributes.permissions();
            String group = attributes.group().getName();
            if (permissions.contains(PosixFilePermission.GROUP_READ) && !"root".equals(group)) {
                return text + "Members of group " + group + " may read it: add yourself with sudo usermod -aG "
                        + group + " $USER and log in again, or read a copy: " + copy + ".";
            }
            return text + "Only " + attributes.owner().getName() + " may read it: read a copy made with sudo, "
                    + copy + ".";
        } catch (IOException | UnsupportedOperationException e) {
            Path parent = log.toAbsolutePath().getParent();
            return text + "Its directory " + parent + " is not readable for you (audit logs are root's only): "
                    + "read a copy made with sudo, " + copy + ".";
        }
    }
}
