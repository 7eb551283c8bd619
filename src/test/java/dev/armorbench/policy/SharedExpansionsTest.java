package dev.armorbench.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.policy.check.Diagnostic;
import dev.armorbench.policy.check.PolicyReader;
import dev.armorbench.policy.check.PolicySources;
import dev.armorbench.policy.check.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Policies that start from the same tunables share that preamble's variable expansions. A variable
 * one policy defines must not leak through them into another (found by {@code RuleMemoPropertyTest}:
 * the editor re-checks a document whose definition was deleted with the same shared sources).
 */
class SharedExpansionsTest {
    @Test
    void aVariableDefinedInOnePolicyIsUndefinedInTheNext(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("tunables"));
        Files.writeString(dir.resolve("tunables/global"), "@{HOME}=/home/*/ /root/\n");
        PolicySources sources = new PolicySources(List.of(dir), dir);
        codes(sources, "include <tunables/global>\n");
        assertThat(codes(sources, "include <tunables/global>\n@{APP} = /srv/app\nprofile x {\n  /srv/@{APP}/x w,\n}\n"))
                .isEmpty();
        assertThat(codes(sources, "include <tunables/global>\nprofile x {\n  /srv/@{APP}/x w,\n  @{HOME}/x r,\n}\n"))
                .containsExactly("undefined-variable");
    }

    private static List<String> codes(PolicySources sources, String text) {
        return PolicyReader.lint(new SourceFile(Path.of("/tmp/shared.profile"), text), sources).diagnostics().stream()
                .map(Diagnostic::code).toList();
    }
}
