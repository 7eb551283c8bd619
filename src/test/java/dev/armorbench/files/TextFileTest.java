package dev.armorbench.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFileTest {
    @TempDir
    Path temp;

    @Test
    void crlfFilesAreEditedWithLfAndWrittenBackByteForByte() throws IOException {
        Path file = temp.resolve("crlf");
        byte[] original = "profile x {\r\n  file,\r\n}\r\n".getBytes(StandardCharsets.UTF_8);
        Files.write(file, original);

        TextFile text = TextFile.read(file);

        assertThat(text.text()).isEqualTo("profile x {\n  file,\n}\n");
        assertThat(text.lineSeparator()).isEqualTo(TextFile.LineSeparator.CRLF);
        assertThat(text.bytesFor(text.text())).isEqualTo(original);
    }

    @Test
    void mixedLineEndsAreKeptAsTheyAre() throws IOException {
        Path file = temp.resolve("mixed");
        byte[] original = "a\r\nb\nc\r\n".getBytes(StandardCharsets.UTF_8);
        Files.write(file, original);
        TextFile text = TextFile.read(file);
        assertThat(text.bytesFor(text.text())).isEqualTo(original);
    }

    @Test
    void aBinaryOrHugeFileIsRefusedBeforeTheEditorHoldsIt() throws IOException {
        Path binary = Files.write(temp.resolve("core"), new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0});
        assertThatThrownBy(() -> TextFile.read(binary)).isInstanceOf(java.nio.file.FileSystemException.class)
                .hasMessage(binary + ": it holds binary data (a NUL byte at offset 7), not the text of a policy");
        Path huge = temp.resolve("audit.log");
        try (var file = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(TextBytes.MAX_BYTES + 1);
        }
        assertThatThrownBy(() -> TextFile.read(huge)).hasMessageStartingWith(huge + ": it is 16 MB, far more than any AppArmor");
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedWithAReason() throws IOException {
        Path file = temp.resolve("binary");
        Files.write(file, new byte[] {'a', (byte) 0xff, (byte) 0xfe, 'b'});
        assertThatThrownBy(() -> TextFile.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("not UTF-8");
    }

    @Test
    void diskStateNoticesChanges() throws IOException {
        Path file = temp.resolve("f");
        Files.writeString(file, "one");
        TextFile.DiskState before = TextFile.DiskState.of(file);
        Files.writeString(file, "three");
        assertThat(TextFile.DiskState.of(file)).isNotEqualTo(before);
        Files.delete(file);
        assertThat(TextFile.DiskState.of(file).exists()).isFalse();
    }
}
