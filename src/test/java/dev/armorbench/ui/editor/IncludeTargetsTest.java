package dev.armorbench.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code include <…>} completion looks in every directory of the search path, as the parser does. */
class IncludeTargetsTest {
    @TempDir
    Path root;

    @Test
    void offersNamesFromEverySearchDirectoryOnceAndSkipsBackups() throws IOException {
        Path first = Files.createDirectories(root.resolve("first/abstractions"));
        Path second = Files.createDirectories(root.resolve("second/abstractions"));
        Files.writeString(first.resolve("base"), "");
        Files.writeString(second.resolve("base"), "");
        Files.writeString(second.resolve("bash"), "");
        Files.writeString(second.resolve("bash.dpkg-old"), "");
        Files.createDirectories(second.resolve("bus"));

        List<CompletionItem> items = CompletionCandidates.includeTargets("abstractions/b",
                List.of(root.resolve("first"), root.resolve("second"), root.resolve("absent")));

        assertThat(items).extracting(CompletionItem::insertion)
                .containsExactly("abstractions/base", "abstractions/bash", "abstractions/bus/");
    }
}
