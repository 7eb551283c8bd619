package dev.armorbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class CommandLineTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return CommandLine.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void versionNamesTheAppAndJava() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("ArmorBench ").contains("Java 17");
    }

    @Test
    void helpShowsUsage() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Usage: armorbench");
    }

    @Test
    void onlyNamesOfExistingFilesOpenTheWindow(@org.junit.jupiter.api.io.TempDir java.nio.file.Path temp)
            throws Exception {
        java.nio.file.Path profile = java.nio.file.Files.writeString(temp.resolve("web.profile"), "profile web {\n}\n");
        java.nio.file.Path other = java.nio.file.Files.writeString(temp.resolve("worker.profile"), "profile worker {\n}\n");

        assertThat(CommandLine.namesFilesToOpen(profile.toString(), other.toString())).isTrue();
        assertThat(CommandLine.namesFilesToOpen()).isFalse();
        assertThat(CommandLine.namesFilesToOpen("lint", profile.toString())).isFalse();
        assertThat(CommandLine.namesFilesToOpen("--help")).isFalse();
        assertThat(CommandLine.namesFilesToOpen(profile.toString(), temp.resolve("missing.profile").toString())).isFalse();
        assertThat(CommandLine.namesFilesToOpen(temp.toString())).isFalse(); // a directory is not a file to open
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("Unmatched argument").contains("Usage: armorbench");
        assertThat(out.toString()).isEmpty();
    }
}
