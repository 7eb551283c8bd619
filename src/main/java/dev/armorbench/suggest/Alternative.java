package dev.armorbench.suggest;

/**
 * One way to write a suggestion, from exact to broad.
 *
 * @param rule the rule line as it goes into the profile, without indentation ({@code /etc/hosts r,})
 * @param label what makes it differ from the others, for a person choosing ({@code exact}, {@code any pid})
 * @param kind where it is placed among existing rules (an alternative of a file access may be a link rule)
 */
public record Alternative(String rule, String label, RuleKind kind) {
}
