package dev.armorbench.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * An app in a JVM of its own with one unsaved document kept in a {@link RecoveryStore}: it keeps
 * the snapshot, says so, and runs until it is killed, as a crash would end it.
 */
public final class AppWithUnsavedText {
    private AppWithUnsavedText() {
    }

    /** Starts it with the document of {@code file} ("-" for none) and waits until it has kept its snapshot under {@code root}. */
    public static Process start(Path root, String file, String name, String text) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                AppWithUnsavedText.class.getName(), root.toString(), file, name, text).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).as("the app's first line").isEqualTo("kept");
        return process;
    }

    public static void main(String[] args) throws Exception {
        RecoveryStore.Session session = new RecoveryStore(Path.of(args[0])).open();
        session.keep(new RecoveryStore.Snapshot("d1", args[1].equals("-") ? null : args[1], args[2], args[3],
                System.currentTimeMillis()));
        System.out.println("kept");
        System.out.flush();
        Thread.sleep(TimeUnit.MINUTES.toMillis(10));
    }
}
