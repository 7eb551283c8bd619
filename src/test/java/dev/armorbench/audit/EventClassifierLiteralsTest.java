package dev.armorbench.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The classifier compares values read from the log with string literals, and the parser hands out
 * those very strings ({@link EventClassifier#COMPARED_VALUES}, seeded into {@link SharedValues}), so
 * a comparison that matches is one of identity. A literal missing from the list would still classify
 * right, only more slowly, and no other test would notice: this one reads the classifier's source.
 */
class EventClassifierLiteralsTest {
    private static final Path SOURCE = Path.of("src/main/java/dev/armorbench/audit/EventClassifier.java");
    private static final Pattern COMPARED = Pattern.compile("case \"([^\"]+)\"|\"([^\"]+)\"\\.equals\\(");

    @Test
    void theListHoldsExactlyTheLiteralsTheClassifierComparesWith() throws IOException {
        Set<String> compared = new TreeSet<>();
        Matcher literal = COMPARED.matcher(Files.readString(SOURCE));
        while (literal.find()) {
            compared.add(literal.group(1) != null ? literal.group(1) : literal.group(2));
        }

        assertThat(compared).as("literals found in %s", SOURCE).contains("file", "unix", "exec", "capable");
        assertThat(new TreeSet<>(Set.of(EventClassifier.COMPARED_VALUES))).isEqualTo(compared);
    }
}
