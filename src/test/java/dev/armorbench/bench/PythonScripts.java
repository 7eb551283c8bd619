package dev.armorbench.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Python 3, where python3-apparmor and python3-libapparmor install the reference readers the
 * benchmarks time. A missing module is the usual reason a script cannot run and is not an error.
 */
final class PythonScripts {
    static final String PYTHON = "/usr/bin/python3";

    private PythonScripts() {}

    static boolean installed() {
        return Files.isExecutable(Path.of(PYTHON));
    }

    /** Starts {@code script} with {@code log} as its argument, stderr into stdout. */
    static Process start(String script, Path log) throws IOException {
        return new ProcessBuilder(PYTHON, "-c", script, log.toString()).redirectErrorStream(true).start();
    }

    /**
     * Runs {@code script} on {@code log} and reads the two numbers its last line prints (lines/s by the
     * clock, then per CPU-second); null when Python or a module is missing, or the script failed.
     */
    static double[] lastLineRates(String script, Path log) throws IOException, InterruptedException {
        if (!installed()) {
            return null;
        }
        Process process = start(script, log);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
            reportFailure(output);
            return null;
        }
        String[] lines = output.split("\n");
        String[] numbers = lines[lines.length - 1].trim().split("\\s+");
        return new double[] {Double.parseDouble(numbers[0]), Double.parseDouble(numbers[1])};
    }

    /** Prints what a script that could not run said, unless it only lacked a module. */
    static void reportFailure(String output) {
        if (!output.contains("ModuleNotFoundError")) {
            System.err.println("python: " + output.strip());
        }
    }
}
