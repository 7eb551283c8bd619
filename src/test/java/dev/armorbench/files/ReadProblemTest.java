package dev.armorbench.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each way a named file fails to be read has its own words, and none of them is an exception's class name. */
class ReadProblemTest {
    @TempDir
    Path temp;

    @Test
    void eachCauseHasItsOwnReason() throws IOException {
        Path file = temp.resolve("p.profile");
        assertThat(ReadProblem.reason(file, new NoSuchFileException(file.toString())))
                .isEqualTo("no such file; check the path");
        assertThat(ReadProblem.reason(file, new AccessDeniedException(file.toString())))
                .isEqualTo("permission denied; run as a user who may read it, or copy it to a file you may read");
        assertThat(ReadProblem.reason(temp, new IOException("Is a directory")))
                .isEqualTo("it is a directory; give a file in it");
        assertThat(ReadProblem.reason(file, new MalformedInputException(1))).isEqualTo("it is not UTF-8 text");
        assertThat(ReadProblem.reason(file, new FileSystemException(file.toString(), null, "it holds binary data")))
                .isEqualTo("it holds binary data");
        assertThat(ReadProblem.reason(file, new IOException("Input/output error"))).isEqualTo("Input/output error");
        assertThat(ReadProblem.reason(file, new IOException())).isEqualTo("IOException");
    }

    @Test
    void aBinaryFileReadForRealIsNamedOnceWithItsReason() throws IOException {
        Path binary = Files.write(temp.resolve("core"), new byte[] {'a', 0});
        IOException refused = catchThrowableOfType(() -> TextBytes.read(binary), IOException.class);

        assertThat(ReadProblem.cannotRead(binary, refused)).isEqualTo("cannot read " + binary
                + ": it holds binary data (a NUL byte at offset 1), not the text of a policy");
        assertThat(ReadProblem.sentence(binary, refused)).isEqualTo("Cannot read " + binary
                + ": it holds binary data (a NUL byte at offset 1), not the text of a policy.");
    }
}
