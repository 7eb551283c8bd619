package dev.armorbench.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the bytes of a file that should be text (a profile, an include), refusing what cannot be:
 * a file larger than any policy (a log or an image named by mistake, or a directory walked by
 * {@code lint}: read whole, a 250 MB log ran the command out of memory), or one with a NUL byte
 * (binary data). The message says which, fit to follow "cannot read FILE: ".
 */
public final class TextBytes {
    /** Far above any real profile (the largest in the corpora are a few hundred KB). */
    public static final long MAX_BYTES = 16L << 20;

    private TextBytes() {
    }

    public static byte[] read(Path path) throws IOException {
        long size = Files.size(path);
        if (size > MAX_BYTES) {
            throw new IOException(String.format("it is %,d MB, far more than any AppArmor policy file (it is not read"
                    + " past %d MB); is it a log or an image, named by mistake?", size >> 20, MAX_BYTES >> 20));
        }
        byte[] bytes = Files.readAllBytes(path);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new IOException("it holds binary data (a NUL byte at offset " + i + "), not the text of a policy");
            }
        }
        return bytes;
    }
}
