package dev.armorbench.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.policy.check.Diagnostic;
import dev.armorbench.policy.check.PolicyReader;
import dev.armorbench.policy.check.PolicySources;
import dev.armorbench.policy.check.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The editor's include cache lives as long as the window: a changed include must be read again. */
class IncludeRefreshTest {
    private static final String PROFILE = "include <tunables/app>\nprofile p {\n  @{APP}/x r,\n  include <abstractions/app>\n}\n";

    @Test
    void anIncludeEditedOnDiskIsReadAgain(@TempDir Path dir) throws IOException {
        Path tunable = write(dir, "tunables/app", "@{APP}=/srv/app\n");
        write(dir, "abstractions/app", "  /etc/app r,\n");
        PolicySources sources = new PolicySources(List.of(dir), dir);
        assertThat(codes(sources)).isEmpty();
        assertThat(sources.refreshIfChanged()).as("nothing changed").isFalse();

        Files.writeString(tunable, "@{OTHER}=/srv/app\n");
        Files.setLastModifiedTime(tunable, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(sources.refreshIfChanged()).isTrue();
        assertThat(codes(sources)).containsExactly("undefined-variable");

        Path abstraction = dir.resolve("abstractions/app");
        Files.writeString(abstraction, "  capability bogus,\n");
        Files.setLastModifiedTime(abstraction, FileTime.from(Instant.now().plusSeconds(10)));
        assertThat(sources.refreshIfChanged()).isTrue();
        assertThat(codes(sources)).contains("unknown-capability");
    }

    @Test
    void anIncludeThatAppearsIsFound(@TempDir Path dir) throws IOException {
        write(dir, "tunables/app", "@{APP}=/srv/app\n");
        PolicySources sources = new PolicySources(List.of(dir), dir);
        assertThat(codes(sources)).containsExactly("include-not-found");
        write(dir, "abstractions/app", "  /etc/app r,\n");
        assertThat(sources.refreshIfChanged()).isTrue();
        assertThat(codes(sources)).isEmpty();
    }

    private static List<String> codes(PolicySources sources) {
        SourceFile file = new SourceFile(Path.of("/tmp/refresh.profile"), PROFILE);
        return PolicyReader.lint(file, sources).diagnostics().stream().map(Diagnostic::code).toList();
    }

    private static Path write(Path dir, String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }
}
