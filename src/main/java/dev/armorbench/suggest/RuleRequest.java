package dev.armorbench.suggest;

import java.util.List;

/**
 * What one kind of event asks a profile for, before it is written as rule text: a file access
 * (whose permissions merge with other accesses of the same path), an exec (whose mode depends on
 * which profiles exist), or a rule of another class with its alternatives already known.
 */
public sealed interface RuleRequest permits FileRequest, ExecRequest, FixedRequest {
    RuleKind kind();

    /** Requests with equal keys for the same profile become one suggestion ({@link #merge}). */
    Object mergeKey();

    RuleRequest merge(RuleRequest other);

    /** The alternatives from exact to broad and which one to offer first. */
    Choices choices(TargetContext context);

    /** What the events were about, for a person ({@code /etc/hosts}, {@code net_raw}). */
    String object();

    record Choices(List<Alternative> alternatives, int defaultIndex) {
        public Choices {
            alternatives = List.copyOf(alternatives);
        }
    }
}
