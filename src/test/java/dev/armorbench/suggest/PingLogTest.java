package dev.armorbench.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.armorbench.audit.LogReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** aa-logprof's ping test: the log's one denial yields the rules aa-logprof's JSON dialog proposes. */
class PingLogTest {
    @Test
    void pingAuditLogYieldsTheRulesAaLogprofProposes() throws IOException {
        Path dir = Corpora.require("logprof");
        List<String> proposed = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(dir.resolve("ping.jsonlog"))) {
            if (!line.startsWith("o ")) {
                continue;
            }
            JsonNode dialog = json.readTree(line.substring(2));
            if ("promptuser".equals(dialog.path("dialog").asText()) && dialog.path("headers").has("Path")) {
                dialog.path("options").forEach(o -> proposed.add(o.asText()));
                break; // the first prompt: owner on, as offered by default
            }
        }
        assertThat(proposed).containsExactly("owner /proc/*/cmdline r,", "owner /proc/21622/cmdline r,");

        Suggester suggester = new Suggester(KnownProfiles.none());
        try (InputStream in = Files.newInputStream(dir.resolve("ping.auditlog"))) {
            new LogReader().read(in, "ping.auditlog", suggester);
        }
        List<Suggestion> suggestions = suggester.suggestions();
        assertThat(suggestions).hasSize(1);
        Suggestion s = suggestions.get(0);
        assertThat(s.profile()).isEqualTo(ProfilePath.of("ping"));
        assertThat(s.alternatives()).extracting(Alternative::rule).containsAll(proposed);
        assertThat(s.chosen().rule()).isEqualTo("owner /proc/*/cmdline r,");
    }
}
