package dev.armorbench.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.policy.check.PolicyReader;
import dev.armorbench.policy.check.PolicySources;
import dev.armorbench.policy.check.SourceFile;
import dev.armorbench.policy.syntax.SyntaxTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/** Random damage to real profiles never makes the parser throw, hang or lose a character. */
class MutationPropertyTest {
    private static final ExecutorService WATCHDOG = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "parse-watchdog");
        thread.setDaemon(true);
        return thread;
    });
    private static List<Path> corpusFiles;

    /** One edit: delete, duplicate or swap characters at a position. */
    record Mutation(int kind, double at, int length) {
        String apply(String text) {
            if (text.isEmpty()) {
                return text;
            }
            int position = Math.min(text.length() - 1, (int) (at * text.length()));
            int end = Math.min(text.length(), position + length);
            return switch (kind) {
                case 0 -> text.substring(0, position) + text.substring(end);
                case 1 -> text.substring(0, end) + text.substring(position, end) + text.substring(end);
                default -> end + 1 < text.length()
                        ? text.substring(0, position) + text.charAt(end) + text.substring(position + 1, end)
                                + text.charAt(position) + text.substring(end + 1)
                        : text;
            };
        }
    }

    @Provide
    Arbitrary<Integer> files() {
        return Arbitraries.integers().between(0, Integer.MAX_VALUE);
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Mutation> one = Combinators.combine(Arbitraries.integers().between(0, 2),
                Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(1, 6)).as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(8);
    }

    @Property(tries = 300)
    void mutatedCorpusFilesRoundTripWithoutThrowingOrHanging(@ForAll("files") int pick,
            @ForAll("mutations") List<Mutation> edits) throws Exception {
        List<Path> files = corpusFiles();
        Path file = files.get(pick % files.size());
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        for (Mutation edit : edits) {
            text = edit.apply(text);
        }
        String mutated = text;
        Future<String> printed = WATCHDOG.submit(() -> {
            SyntaxTree tree = SyntaxTree.parse(mutated);
            // The checker must also survive: diagnostics, never exceptions.
            PolicyReader.lint(new SourceFile(file, mutated), new PolicySources(List.of(file.getParent()), file.getParent()));
            return tree.print();
        });
        String result = printed.get(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS);
        assertThat(result).isEqualTo(mutated);
    }

    private static synchronized List<Path> corpusFiles() {
        if (corpusFiles == null) {
            corpusFiles = Corpora.filesUnder(Corpora.root()).stream()
                    .filter(f -> {
                        try {
                            return Files.size(f) < 64 * 1024;
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .toList();
        }
        return corpusFiles;
    }

    @AfterContainer
    static void stopWatchdog() {
        WATCHDOG.shutdownNow();
    }
}
