package dev.armorbench.trial.loop;

import dev.armorbench.suggest.Suggestion;

/**
 * A suggestion as the loop remembers it across runs and restarts: the rule and the profile it
 * goes into, e.g. {@code abtest//helper} and {@code owner /etc/hostname r,}.
 *
 * @param profile the (child) profile, {@code parent//child}
 * @param rule the rule text as it would be written
 */
public record OfferedRule(String profile, String rule) {
    /** The suggestion's chosen alternative (the default unless the user picked another). */
    public static OfferedRule of(Suggestion suggestion) {
        return new OfferedRule(suggestion.profile().toString(), suggestion.chosen().rule());
    }

    /** Every alternative of the suggestion: a rejection covers the suggestion, whichever form it offers. */
    static java.util.List<OfferedRule> allOf(Suggestion suggestion) {
        return suggestion.alternatives().stream()
                .map(alternative -> new OfferedRule(suggestion.profile().toString(), alternative.rule()))
                .toList();
    }

    @Override
    public String toString() {
        return profile + ": " + rule;
    }
}
