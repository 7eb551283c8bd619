package dev.armorbench.suggest;

import java.nio.file.Path;
import java.util.List;

/**
 * One rule to add to one profile, with its alternatives and the events that asked for it.
 *
 * @param file the policy file that holds the profile, or null for a profile that does not exist yet
 * @param profile the profile (or child) that gets the rule
 * @param kind where it goes among the profile's rules
 * @param alternatives exact to broad
 * @param defaultIndex the one offered first: the narrowest useful one
 * @param events the events behind it
 * @param replaces for an {@code include <abstractions/…>} offer, the suggestions it makes unneeded
 * @param request what the events asked for, before it was written as text (null for include offers)
 */
public record Suggestion(Path file, ProfilePath profile, RuleKind kind, List<Alternative> alternatives, int defaultIndex,
        EventSummary events, List<Suggestion> replaces, RuleRequest request) {
    public Suggestion {
        alternatives = List.copyOf(alternatives);
        replaces = List.copyOf(replaces);
    }

    public Alternative chosen() {
        return alternatives.get(defaultIndex);
    }

    /** The same suggestion offering another alternative first. */
    public Suggestion choose(int index) {
        if (index < 0 || index >= alternatives.size()) {
            throw new IndexOutOfBoundsException("alternative " + index + " of " + alternatives.size());
        }
        return new Suggestion(file, profile, alternatives.get(index).kind(), alternatives, index, events, replaces, request);
    }

    public boolean isNewProfile() {
        return file == null;
    }
}
