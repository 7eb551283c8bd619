package dev.armorbench.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileWriterTest {
    @TempDir
    Path temp;

    @Test
    void replacesTheContentAndKeepsPermissions() throws IOException {
        Path file = temp.resolve("p.profile");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        AtomicFileWriter.write(file, "new".getBytes());

        assertThat(Files.readString(file)).isEqualTo("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var files = Files.list(temp)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void createsANewFileReadableByOthers() throws IOException {
        Path file = temp.resolve("new.profile");
        AtomicFileWriter.write(file, "x".getBytes());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
    }

    @Test
    void writesThroughASymbolicLinkAndKeepsTheLink() throws IOException {
        Path real = temp.resolve("real.profile");
        Files.writeString(real, "old");
        Path link = Files.createSymbolicLink(temp.resolve("link.profile"), real);

        AtomicFileWriter.write(link, "new".getBytes());

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("new");
    }

    @Test
    void aMissingDirectoryFailsWithoutSideEffects() {
        Path file = temp.resolve("absent/p.profile");
        assertThatThrownBy(() -> AtomicFileWriter.write(file, "x".getBytes())).isInstanceOf(IOException.class);
        assertThat(Files.exists(file.getParent())).isFalse();
    }
}
