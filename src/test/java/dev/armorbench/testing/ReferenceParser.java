package dev.armorbench.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * This machine's apparmor_parser, for tests that hold the engine's reading against it: found where
 * Debian installs it, required (see {@link Requirements}), and run with {@code -Q -K} (compile
 * only, no kernel, no cache).
 */
public final class ReferenceParser {
    /** What one run printed, and its exit code. */
    public record Run(int exitCode, String output) {
        public boolean compiled() {
            return exitCode == 0;
        }
    }

    private ReferenceParser() {
    }

    /** The parser's path; skips the test (fails it in CI) when it is not installed. */
    public static Path required() {
        Path parser = Stream.of("/usr/sbin/apparmor_parser", "/sbin/apparmor_parser").map(Path::of)
                .filter(Files::isExecutable).findFirst().orElse(null);
        Requirements.require(parser != null, "apparmor_parser is not installed (apt-get install apparmor)");
        return parser;
    }

    /** Compiles {@code text}, given on stdin, with {@code -Q -K} and any further {@code options}. */
    public static Run compile(String text, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(required().toString(), "-Q", "-K"));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(text.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("apparmor_parser did not finish in 60 s on:\n" + text);
        }
        return new Run(process.exitValue(), output);
    }
}
