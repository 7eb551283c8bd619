package dev.armorbench.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class ConformanceTest {
    @Test
    void verdictsAgreeWithTheReferenceOnSimpleTests() throws IOException {
        SimpleTestsConformance.Report report = SimpleTestsConformance.run(Corpora.folder("parser-simple-tests"));
        SimpleTestsConformance.print(report);
        assertThat(report.cases()).isGreaterThan(1000);
        assertThat(report.agreement()).isGreaterThanOrEqualTo(98.0);
    }
}
