package dev.armorbench.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.audit.LogReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every libapparmor test_multi case that has a {@code NAME.profile} (the profile aa-logprof writes
 * for {@code NAME.in}): the new profiles suggested for the log line against an empty profile
 * directory must hold the same rules per profile. Learning labels are placed as hats, as
 * aa-logprof's own log-to-profile test does.
 */
class LogTestMultiConformanceTest {
    @Test
    void agreesWithAaLogprofOnAtLeast95PercentOfCases() throws IOException {
        Path dir = Corpora.require("log-test-multi");
        List<Path> cases;
        try (Stream<Path> files = Files.list(dir)) {
            cases = files.filter(p -> p.getFileName().toString().endsWith(".profile")).sorted().toList();
        }
        int agree = 0;
        List<String> disagreements = new ArrayList<>();
        for (Path expectedFile : cases) {
            String name = expectedFile.getFileName().toString().replaceFirst("\\.profile$", "");
            Path in = dir.resolve(name + ".in");
            if (!Files.exists(in)) {
                disagreements.add(name + ": no " + name + ".in");
                continue;
            }
            Suggester suggester = new Suggester(KnownProfiles.none(), LearningLabels.AS_HAT, null);
            try (InputStream stream = Files.newInputStream(in)) {
                new LogReader().read(stream, in.toString(), suggester);
            }
            String ours = String.join("", NewProfiles.render(suggester.suggestions()).values());
            Map<String, Set<String>> expected = ProfileRules.of(Files.readString(expectedFile));
            Map<String, Set<String>> actual = ProfileRules.of(ours);
            if (expected.equals(actual)) {
                agree++;
            } else {
                disagreements.add(name + ":\n    expected " + expected + "\n    suggested " + actual);
            }
        }
        double percent = 100.0 * agree / cases.size();
        System.out.printf("log-test-multi conformance: %d of %d cases agree (%.1f%%)%n", agree, cases.size(), percent);
        disagreements.forEach(d -> System.out.println("  disagreement " + d));
        assertThat(cases).isNotEmpty();
        assertThat(percent).as("agreement with aa-logprof's profiles").isGreaterThanOrEqualTo(95.0);
    }
}
