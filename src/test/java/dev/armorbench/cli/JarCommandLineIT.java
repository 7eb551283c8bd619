package dev.armorbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The packaged jar, run as a user runs it: {@code java -jar target/armorbench.jar ...}. */
class JarCommandLineIT {
    private record Result(int exitCode, String out, String err) {
    }

    private static Result runJar(String... args) throws IOException, InterruptedException {
        return runJar(java.util.Map.of(), args);
    }

    /** {@code environment}: variables to set, or to remove where the value is empty. */
    private static Result runJar(java.util.Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        ProcessBuilder builder = jar(args);
        environment.forEach((name, value) -> {
            if (value.isEmpty()) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        Process process = builder.start();
        process.getOutputStream().close();
        boolean finished = process.waitFor(60, TimeUnit.SECONDS);
        assertThat(finished).as("the jar finished within 60 s").isTrue();
        return new Result(process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void versionExitsZero() throws Exception {
        Result result = runJar("--version");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("ArmorBench 0.");
    }

    @Test
    void helpExitsZero() throws Exception {
        Result result = runJar("--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Usage: armorbench");
    }

    @Test
    void anUnknownCommandExitsTwoWithUsageOnStandardError() throws Exception {
        Result result = runJar("no-such-command");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Usage: armorbench");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void theCommandLineNeverStartsJavaFx() throws Exception {
        Result result = runJar("--version", "-Dnothing");
        // Whatever picocli makes of the extra argument, no JavaFX toolkit or display is involved.
        assertThat(result.err()).doesNotContain("javafx").doesNotContain("Gtk");
    }

    @Test
    void logsFromStdinPrintsEachRecordWhileTheWriterIsQuiet() throws Exception {
        // As `tail -f audit.log | armorbench logs -`.
        Process process = startJar("logs", "-");
        assertEachRecordPrintedAsItComes(process, process::getOutputStream);
    }

    @Test
    void logsFromAFifoPrintsEachRecordWhileTheWriterIsQuiet(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        // As `armorbench logs <(tail -f audit.log)` or a named pipe.
        Path fifo = dir.resolve("audit.pipe");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).as("mkfifo").isZero();
        Process process = startJar("logs", fifo.toString());
        process.getOutputStream().close();
        // Opening a FIFO to write waits for its reader, the jar: not on the test's thread alone.
        assertEachRecordPrintedAsItComes(process, () -> java.nio.file.Files.newOutputStream(fifo));
    }

    private static Process startJar(String... args) throws IOException {
        return jar(args).start();
    }

    /** {@code java -jar target/armorbench.jar ARGS…}, with this test's Java. */
    private static ProcessBuilder jar(String... args) {
        Path jar = Path.of(System.getProperty("armorbench.jar", "target/armorbench.jar"));
        assertThat(jar).as("the packaged jar (run ./mvnw package first)").exists();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    /** What the writer gives: one record, then quiet (the record must show by then), then one more and the end. */
    private static void assertEachRecordPrintedAsItComes(Process process, java.util.concurrent.Callable<java.io.OutputStream> writer)
            throws Exception {
        String record = "type=AVC msg=audit(1700000000.250:%d): apparmor=\"DENIED\" operation=\"open\" profile=\"p\""
                + " name=\"/etc/x%d\" pid=7 comm=\"c\" requested_mask=\"r\" denied_mask=\"r\" fsuid=0 ouid=0\n";
        java.io.BufferedReader stdout = new java.io.BufferedReader(
                new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        try {
            java.io.OutputStream out = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return writer.call();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).get(60, TimeUnit.SECONDS);
            out.write(String.format(record, 1, 1).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            java.util.concurrent.CompletableFuture<String> first =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> readLine(stdout));
            assertThat(first.completeOnTimeout(null, 60, TimeUnit.SECONDS).get())
                    .as("the first record, printed within 60 s, before its writer ends").isNotNull()
                    .contains("DENIED").contains("/etc/x1");
            out.write(String.format(record, 2, 2).getBytes(StandardCharsets.US_ASCII));
            out.close();
            assertThat(readLine(stdout)).contains("/etc/x2");
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("logs ended with its input").isTrue();
            assertThat(process.exitValue()).isZero();
        } finally {
            // Before anything is closed: a read still waiting on stdout ends with the process.
            process.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
        }
    }

    private static String readLine(java.io.BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void withoutADisplayTheAppSaysSoInOneLineAndExitsOne() throws Exception {
        Result result = runJar(java.util.Map.of("DISPLAY", ""));
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("armorbench: there is no display to open the window on (DISPLAY is not set)."
                + " Start ArmorBench from a desktop session, or over ssh with -X. The command line needs no window:"
                + " armorbench --help.\n");
    }
}
