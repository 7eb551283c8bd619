package dev.armorbench.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Holds the parser against libapparmor's own test suite: every {@code NAME.in} of
 * {@code log-test-multi} must give the fields of {@code NAME.out}, and {@code AA_RECORD_INVALID}
 * must give no event. Prints the agreement and each disagreement.
 */
class LibapparmorConformanceTest {

    @Test
    void agreesWithLibapparmorOnItsTestSuite() throws IOException {
        Path dir = Corpora.folder("log-test-multi");
        List<Path> inputs;
        try (Stream<Path> files = Files.list(dir)) {
            inputs = files.filter(p -> p.getFileName().toString().endsWith(".in")).sorted().collect(Collectors.toList());
        }
        int agreed = 0;
        List<String> disagreements = new ArrayList<>();
        for (Path in : inputs) {
            String name = in.getFileName().toString().replaceFirst("\\.in$", "");
            Path out = dir.resolve(name + ".out");
            if (!Files.exists(out)) {
                continue;
            }
            String problem = compare(in, out);
            if (problem == null) {
                agreed++;
            } else {
                disagreements.add(name + ": " + problem);
            }
        }
        int total = agreed + disagreements.size();
        double percent = 100.0 * agreed / total;
        System.out.printf("log-test-multi: %d of %d cases agree with libapparmor (%.1f%%)%n", agreed, total, percent);
        disagreements.forEach(d -> System.out.println("  DISAGREE " + d));
        assertThat(total).isGreaterThan(0);
        assertThat(percent).as("agreement with libapparmor, disagreements: %s", disagreements).isGreaterThanOrEqualTo(98.0);
    }

    private static String compare(Path in, Path out) throws IOException {
        byte[] raw = Files.readAllBytes(in);
        String text = new String(raw, StandardCharsets.UTF_8);
        // test_multi feeds the whole file as one record; a trailing newline is not part of it.
        if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        List<String> expected = new ArrayList<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            if (!line.equals("START") && !line.startsWith("File: ") && !line.isEmpty()) {
                expected.add(line);
            }
        }
        LogLineParser parser = new LogLineParser();
        AuditRecord record = parser.parse(text.replace('\n', ' '), in.toString(), 1);
        boolean invalid = expected.contains("Event type: AA_RECORD_INVALID");
        if (invalid) {
            return record == null ? null : "expected no event, got " + LibapparmorFields.of(record);
        }
        if (record == null) {
            return "skipped (" + parser.lastSkipReason() + "), expected " + expected;
        }
        List<String> actual = LibapparmorFields.of(record);
        List<String> missing = new ArrayList<>(expected);
        actual.forEach(missing::remove);
        List<String> extra = new ArrayList<>(actual);
        expected.forEach(extra::remove);
        if (missing.isEmpty() && extra.isEmpty()) {
            return null;
        }
        Collections.sort(missing);
        Collections.sort(extra);
        return "missing " + missing + ", unexpected " + extra;
    }
}
