package dev.armorbench.e2e;

import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Follows a file another process appends to (a build log, a serial port written by qemu): each
 * {@link #poll()} returns the text added since the last one and echoes its complete lines, with a
 * prefix, so a long CI run shows its progress as it happens.
 */
final class FileTail {
    private final Path file;
    private final String prefix;
    private final PrintStream echo;
    private final StringBuilder unfinishedLine = new StringBuilder();
    private long position;

    FileTail(Path file, String prefix, PrintStream echo) {
        this.file = file;
        this.prefix = prefix;
        this.echo = echo;
    }

    /** The text appended since the last call (empty when nothing was, or the file is not there yet). */
    String poll() throws IOException {
        if (!Files.exists(file)) {
            return "";
        }
        byte[] added;
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            if (length <= position) {
                return "";
            }
            added = new byte[Math.toIntExact(length - position)];
            in.seek(position);
            in.readFully(added);
            position = length;
        }
        String text = new String(added, StandardCharsets.UTF_8);
        unfinishedLine.append(text);
        int end;
        while ((end = unfinishedLine.indexOf("\n")) >= 0) {
            echo.println(prefix + unfinishedLine.substring(0, end).replace("\r", ""));
            unfinishedLine.delete(0, end + 1);
        }
        return text;
    }
}
