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
    void anUnknownCommandIsAUsageError() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("Unmatched argument").contains("Usage: armorbench");
        assertThat(out.toString()).isEmpty();
    }
}
