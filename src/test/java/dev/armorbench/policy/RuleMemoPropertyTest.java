package dev.armorbench.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.policy.check.Diagnostic;
import dev.armorbench.policy.check.LintResult;
import dev.armorbench.policy.check.PolicyReader;
import dev.armorbench.policy.check.PolicySources;
import dev.armorbench.policy.check.RuleMemo;
import dev.armorbench.policy.check.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The editor re-checks a document after each edit with the rule readings of the last check
 * ({@link RuleMemo}). Whatever the edits, that check must say exactly what a check from scratch
 * says: the same diagnostics at the same places, and the same policy.
 */
class RuleMemoPropertyTest {
    private static final PolicySources SOURCES = sources();

    /** Lines a profile is made of: rules good and bad, variables, qualifier blocks, children, hats. */
    private static final List<String> LINES = List.of(
            "  /usr/bin/tool ix,",
            "  /usr/bin/tool px,",
            "  /usr/bin/tool Px -> other,",
            "  @{HOME}/.config/** rw,",
            "  @{APP}/data/ r,",
            "  @{UNDEFINED}/x r,",
            "  owner @{PROC}/@{pid}/status r,",
            "  @{profile_name} r,",
            "  /srv/@{APP}/x w,",
            "  capability net_bind_service,",
            "  capability net_bind_servic,",
            "  network inet stream,",
            "  signal send set=(term, kill) peer=child,",
            "  deny /etc/shadow rw,",
            "  audit deny /etc/** w,",
            "  /var/log/app.log w",
            "  /var/log/app.log wx,",
            "  ptrace read peer=unconfined,",
            "  unix (send, receive) type=stream peer=(label=child),",
            "  set rlimit nofile <= 1024,",
            "  set rlimit cpu <= bogus,",
            "  change_profile /bin/a -> b,",
            "  change_profile unsafe /bin/a -> b,",
            "  mount fstype=ext4 /dev/sda -> /mnt/,",
            "  # a comment,",
            "  deny {",
            "    /tmp/** w,",
            "  }",
            "  audit {",
            "  profile child {",
            "    /bin/sh ix,",
            "  }",
            "  ^hat {",
            "    capability kill,",
            "  }",
            "  }",
            "  ,",
            "@{APP} = /srv/app",
            "@{APP} += /opt/app",
            "@{HOME} += /home/extra/",
            "@{EMPTY} =",
            "${flag} = true",
            "if ${flag} {",
            "include <tunables/global>",
            "include <abstractions/missing>",
            "profile second /usr/bin/second {",
            "profile big /usr/bin/big flags=(complain) {",
            "}",
            "");

    @Test
    void aDocumentEditedInPlaceReusesItsRulesAndChecksTheSame() {
        String text = String.join("\n", LINES);
        RuleMemo memo = new RuleMemo();
        for (int i = 0; i < 5; i++) {
            text = text.replaceFirst("rw,", i % 2 == 0 ? "rwx," : "rw,");
            assertSameAsFromScratch(text, memo);
        }
        assertThat(memo.reused()).as("rules taken from the memo").isPositive();
    }

    @Property(tries = 200)
    void checkingWithTheMemoOfEarlierVersionsEqualsCheckingFromScratch(
            @ForAll("documents") List<Integer> lines, @ForAll("edits") List<Edit> edits) {
        StringBuilder document = new StringBuilder();
        for (int line : lines) {
            document.append(LINES.get(line)).append('\n');
        }
        String text = document.toString();
        RuleMemo memo = new RuleMemo();
        assertSameAsFromScratch(text, memo);
        for (Edit edit : edits) {
            text = edit.apply(text);
            assertSameAsFromScratch(text, memo);
        }
    }

    /** One edit as in an editor: type or delete a few characters, or put in or take out a whole line. */
    record Edit(int kind, double at, int length, int line) {
        String apply(String text) {
            int position = (int) (at * text.length());
            int end = Math.min(text.length(), position + length);
            return switch (kind) {
                case 0 -> text.substring(0, position) + text.substring(end);
                case 1 -> text.substring(0, position) + " x,{}@$=".substring(0, Math.min(8, length)) + text.substring(position);
                case 2 -> {
                    int lineStart = text.lastIndexOf('\n', Math.max(0, position - 1)) + 1;
                    yield text.substring(0, lineStart) + LINES.get(line) + "\n" + text.substring(lineStart);
                }
                default -> {
                    int lineStart = text.lastIndexOf('\n', Math.max(0, position - 1)) + 1;
                    int lineEnd = text.indexOf('\n', position);
                    yield text.substring(0, lineStart) + (lineEnd < 0 ? "" : text.substring(lineEnd + 1));
                }
            };
        }
    }

    @Provide
    Arbitrary<List<Integer>> documents() {
        return Arbitraries.integers().between(0, LINES.size() - 1).list().ofMinSize(1).ofMaxSize(40);
    }

    @Provide
    Arbitrary<List<Edit>> edits() {
        Arbitrary<Edit> edit = Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.doubles().between(0, 1),
                Arbitraries.integers().between(1, 8), Arbitraries.integers().between(0, LINES.size() - 1)).as(Edit::new);
        return edit.list().ofMinSize(1).ofMaxSize(8);
    }

    private static void assertSameAsFromScratch(String text, RuleMemo memo) {
        SourceFile source = new SourceFile(Path.of("/tmp/memo-test.profile"), text);
        LintResult withMemo = PolicyReader.lint(source, SOURCES, memo);
        LintResult fromScratch = PolicyReader.lint(source, SOURCES);
        assertThat(described(withMemo.diagnostics())).as("diagnostics of:\n%s", text)
                .isEqualTo(described(fromScratch.diagnostics()));
        assertThat(withMemo.policy()).as("policy of:\n%s", text).isEqualTo(fromScratch.policy());
    }

    private static List<String> described(List<Diagnostic> diagnostics) {
        List<String> out = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            out.add(d.severity() + " " + d.code() + " " + d.start() + ".." + d.end() + " " + d.source().path() + ": "
                    + d.message());
        }
        return out;
    }

    private static PolicySources sources() {
        try {
            Path dir = Files.createTempDirectory("armorbench-memo-test");
            Files.createDirectories(dir.resolve("tunables"));
            Files.writeString(dir.resolve("tunables/global"), "@{HOME}=/home/*/ /root/\n@{PROC}=/proc/\n@{pid}={[1-9],[1-9][0-9]}\n");
            dir.toFile().deleteOnExit();
            return new PolicySources(List.of(dir), dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
