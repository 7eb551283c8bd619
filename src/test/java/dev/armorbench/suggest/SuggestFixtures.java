package dev.armorbench.suggest;

import dev.armorbench.audit.LogReader;
import dev.armorbench.policy.check.LintResult;
import dev.armorbench.policy.check.PolicyReader;
import dev.armorbench.policy.check.PolicySources;
import dev.armorbench.policy.check.SourceFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Small builders for the suggest tests: a policy text read by the engine, log lines fed through. */
final class SuggestFixtures {
    private SuggestFixtures() {
    }

    static LintResult policy(String text, List<Path> searchPath) {
        return PolicyReader.lint(new SourceFile(Path.of("/tmp/test.profile"), text), new PolicySources(searchPath, Path.of("")));
    }

    static List<Suggestion> suggest(KnownProfiles profiles, String... lines) {
        Suggester suggester = new Suggester(profiles);
        read(suggester, lines);
        return suggester.suggestions();
    }

    static void read(Suggester suggester, String... lines) {
        try {
            new LogReader().read(new ByteArrayInputStream(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)),
                    "test.log", suggester);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> rules(List<Suggestion> suggestions) {
        List<String> out = new ArrayList<>();
        for (Suggestion s : suggestions) {
            out.add(s.chosen().rule());
        }
        return out;
    }

    static String open(String profile, String name, String requested, long fsuid, long ouid) {
        return "type=AVC msg=audit(1691930856.284:29963): apparmor=\"DENIED\" operation=\"open\" class=\"file\" profile=\""
                + profile + "\" name=\"" + name + "\" pid=9136 comm=\"cat\" requested_mask=\"" + requested
                + "\" denied_mask=\"" + requested + "\" fsuid=" + fsuid + " ouid=" + ouid;
    }
}
