package dev.armorbench.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RuleQualifiersTest {
    @Test
    void qualifiersAreReadAndReplaced() {
        assertThat(RuleQualifiers.of("owner /tmp/x r,")).isEqualTo(new RuleQualifiers(false, false, true));
        assertThat(new RuleQualifiers(true, false, false).apply("owner /tmp/x r,", RuleKind.FILE)).isEqualTo("audit /tmp/x r,");
        assertThat(new RuleQualifiers(false, true, true).apply("/tmp/x r,", RuleKind.FILE)).isEqualTo("deny owner /tmp/x r,");
        assertThat(new RuleQualifiers(false, false, true).apply("capability kill,", RuleKind.CAPABILITY))
                .isEqualTo("capability kill,");
    }

    @Test
    void aDeniedExecIsPlainXAndParses() {
        for (String exec : List.of("/usr/bin/t mrix,", "/usr/bin/t px -> tool,", "/usr/bin/t cx,", "/usr/bin/t ux,")) {
            String denied = new RuleQualifiers(false, true, false).apply(exec, RuleKind.FILE);
            assertThat(denied).isEqualTo("deny /usr/bin/t x,");
            assertThat(SuggestFixtures.policy("profile p {\n  " + denied + "\n}\n", List.of()).hasErrors()).isFalse();
        }
    }
}
