package dev.armorbench.suggest;

import dev.armorbench.policy.syntax.TextEdit;
import java.util.List;

/**
 * Edits at one place of a profile file with the suggestions (and so the events) behind them: the
 * unit a person accepts or rejects.
 *
 * @param profile the profile the lines go into
 * @param edit the change to the file's text
 * @param suggestions what the added lines come from, in the order of the lines
 */
public record Hunk(ProfilePath profile, TextEdit edit, List<Suggestion> suggestions) {
    public Hunk {
        suggestions = List.copyOf(suggestions);
    }

    /** The events behind every line of the hunk together. */
    public EventSummary events() {
        EventSummary all = suggestions.get(0).events();
        for (int i = 1; i < suggestions.size(); i++) {
            all = all.plus(suggestions.get(i).events());
        }
        return all;
    }
}
