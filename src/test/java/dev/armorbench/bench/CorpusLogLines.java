package dev.armorbench.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The log lines of the corpora that the log and suggestion benchmarks build their large logs from. */
final class CorpusLogLines {
    private CorpusLogLines() {
    }

    /**
     * {@link #read} of the corpora under {@code -Darmorbench.corpora} ({@code ../shared/corpora} by
     * default); a benchmark cannot run without them, so it exits saying where it looked.
     */
    static List<String> readOrExit() throws IOException {
        Path corpora = Path.of(System.getProperty("armorbench.corpora", "../shared/corpora")).toAbsolutePath().normalize();
        List<String> seeds = read(corpora);
        if (seeds.isEmpty()) {
            System.err.println("No corpus lines under " + corpora + " (set -Darmorbench.corpora=DIR).");
            System.exit(2);
        }
        return seeds;
    }

    /** Every line of the corpus logs, AppArmor or not, as a real log mixes them. */
    static List<String> read(Path corpora) throws IOException {
        List<String> lines = new ArrayList<>();
        Path multi = corpora.resolve("log-test-multi");
        if (Files.isDirectory(multi)) {
            try (Stream<Path> files = Files.list(multi)) {
                for (Path in : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".in")).sorted()::iterator) {
                    String text = Files.readString(in, StandardCharsets.ISO_8859_1).strip();
                    if (!text.contains("\n")) {
                        lines.add(text);
                    }
                }
            }
        }
        for (Path log : List.of(corpora.resolve("apparmor.d-testdata/logs/audit.log"), corpora.resolve("logprof/ping.auditlog"))) {
            if (Files.isRegularFile(log)) {
                lines.addAll(Files.readAllLines(log, StandardCharsets.ISO_8859_1));
            }
        }
        return lines;
    }
}
