package dev.armorbench.suggest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Suggestions as JSON: per suggestion its profile file and profile, the rule offered, every
 * alternative, and the events behind it.
 */
public final class SuggestionJson {
    private SuggestionJson() {
    }

    public static void write(List<Suggestion> suggestions, LogSuggestions.Result result, Writer out) throws IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            if (result != null) {
                json.writeNumberField("lines", result.lines());
                json.writeNumberField("events", result.events());
                json.writeNumberField("skipped_lines", result.skips().total());
                // Denials of classes no rule kind covers, by class: counted, not suggested for.
                json.writeObjectFieldStart("events_without_rule");
                for (var entry : result.ruleless().byClass().entrySet()) {
                    json.writeNumberField(entry.getKey(), entry.getValue());
                }
                json.writeEndObject();
            }
            json.writeArrayFieldStart("suggestions");
            for (Suggestion s : suggestions) {
                suggestion(json, s);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        out.write('\n');
    }

    private static void suggestion(JsonGenerator json, Suggestion s) throws IOException {
        json.writeStartObject();
        json.writeStringField("profile_file", s.file() == null ? null : s.file().toString());
        json.writeStringField("profile", s.profile().label());
        json.writeBooleanField("new_profile", s.isNewProfile());
        json.writeStringField("kind", s.kind().keyword());
        json.writeStringField("rule", s.chosen().rule());
        json.writeNumberField("default", s.defaultIndex());
        json.writeArrayFieldStart("alternatives");
        for (Alternative a : s.alternatives()) {
            json.writeStartObject();
            json.writeStringField("rule", a.rule());
            json.writeStringField("label", a.label());
            json.writeEndObject();
        }
        json.writeEndArray();
        EventSummary e = s.events();
        json.writeObjectFieldStart("events");
        json.writeNumberField("count", e.count());
        json.writeNumberField("denied", e.denied());
        json.writeStringField("example_comm", e.exampleComm());
        json.writeStringField("first", e.firstSource());
        json.writeArrayFieldStart("objects");
        for (String object : e.objects()) {
            json.writeString(object);
        }
        json.writeEndArray();
        json.writeEndObject();
        if (!s.replaces().isEmpty()) {
            json.writeArrayFieldStart("replaces");
            for (Suggestion r : s.replaces()) {
                json.writeString(r.chosen().rule());
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }
}
