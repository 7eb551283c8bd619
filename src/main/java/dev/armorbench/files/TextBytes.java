package dev.armorbench.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the bytes of a file that should be text (a profile, an include), refusing what cannot be:
 * a file larger than any policy (a log or an image named by mistake, or a directory walked by
 * {@code lint}: read whole, a 250 MB log ran the command out of memory), or one with a NUL byte
 * (binary data). The exception names the file, and its reason says which, fit to follow "cannot
 * read FILE: " ({@link ReadProblem}).
 */
public final class TextBytes {
    /** Far above any real profile (the largest in the corpora are a few hundred KB). */
    public static final long MAX_BYTES = 16L << 20;

    private TextBytes() {
    }

    public static byte[] read(Path path) throws IOException {
        long size = Files.size(path);
        if (size > MAX_BYTES) {
            throw new FileSystemException(path.toString(), null, String.format("it is %,d MB, far more than any"
                    + " AppArmor policy file (it is not read past %d MB); is it a log or an image, named by mistake?",
                    size >> 20, MAX_BYTES >> 20));
        }
        byte[] bytes = Files.readAllBytes(path);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new FileSystemException(path.toString(), null,
                        "it holds binary data (a NUL byte at offset " + i + "), not the text of a policy");
            }
        }
        return bytes;
    }

    /**
     * The file as UTF-8 text, refusing bytes that are not UTF-8 rather than replacing them: for a
     * file that may be written back (an editor's, {@code trial --apply}), where a replaced byte
     * would be lost.
     */
    public static String readUtf8(Path path) throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(read(path)))
                    .toString();
        } catch (CharacterCodingException e) {
            FileSystemException refused = new FileSystemException(path.toString(), null, "it is not UTF-8 text"
                    + " (AppArmor profiles are text files); open it in a hex viewer or convert it with iconv first");
            refused.initCause(e);
            throw refused;
        }
    }

    /**
     * The file as text, as the policy engine reads it: UTF-8, with a byte that is not UTF-8 shown as
     * U+FFFD rather than refused (a Latin-1 comment must not keep a profile from being checked).
     */
    public static String readText(Path path) throws IOException {
        return new String(read(path), StandardCharsets.UTF_8);
    }
}
