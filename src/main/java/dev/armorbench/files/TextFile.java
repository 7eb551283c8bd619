package dev.armorbench.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

/**
 * A text file as an editor holds it: its text with {@code \n} line ends, the line separator it had on
 * disk (so saving writes the same bytes back), and the disk state it was read at (so a change made by
 * another program can be noticed).
 */
public record TextFile(Path path, String text, LineSeparator lineSeparator, DiskState diskState) {

    /**
     * Reads {@code path} as UTF-8; bytes that are not UTF-8 are refused rather than silently replaced,
     * and so is what cannot be a policy's text ({@link TextBytes}: too large, binary).
     */
    public static TextFile read(Path path) throws IOException {
        String raw = TextBytes.readUtf8(path);
        LineSeparator separator = LineSeparator.detect(raw);
        return new TextFile(path, separator.toEditorText(raw), separator, DiskState.of(path));
    }

    /** The bytes to write for {@code editorText}, with this file's line separator restored. */
    public byte[] bytesFor(String editorText) {
        return lineSeparator.toFileText(editorText).getBytes(StandardCharsets.UTF_8);
    }

    /** The line ends a file uses; a file with mixed ends is kept as {@link #LF} to keep its bytes. */
    public enum LineSeparator {
        LF,
        CRLF;

        static LineSeparator detect(String text) {
            int lf = 0;
            int crlf = 0;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    lf++;
                    if (i > 0 && text.charAt(i - 1) == '\r') {
                        crlf++;
                    }
                }
            }
            return lf > 0 && lf == crlf ? CRLF : LF;
        }

        String toEditorText(String fileText) {
            return this == CRLF ? fileText.replace("\r\n", "\n") : fileText;
        }

        String toFileText(String editorText) {
            return this == CRLF ? editorText.replace("\n", "\r\n") : editorText;
        }
    }

    /** What the file looked like on disk when it was last read or written. */
    public record DiskState(boolean exists, FileTime modified, long size) {
        public static DiskState of(Path path) {
            try {
                return new DiskState(true, Files.getLastModifiedTime(path), Files.size(path));
            } catch (IOException e) {
                return new DiskState(false, null, -1);
            }
        }
    }
}
