package dev.armorbench.suggest;

import java.util.List;

/** A request whose alternatives do not depend on the profile: capability, network, signal, … */
public record FixedRequest(RuleKind kind, List<Alternative> alternatives, String object) implements RuleRequest {
    public FixedRequest {
        alternatives = List.copyOf(alternatives);
    }

    static FixedRequest of(RuleKind kind, String object, String... rules) {
        java.util.LinkedHashMap<String, Alternative> unique = new java.util.LinkedHashMap<>();
        String[] labels = {"exact", "broader", "broader still", "broadest"};
        for (String rule : rules) {
            if (rule != null) {
                unique.putIfAbsent(rule, new Alternative(rule, labels[Math.min(unique.size(), labels.length - 1)], kind));
            }
        }
        return new FixedRequest(kind, List.copyOf(unique.values()), object);
    }

    @Override
    public Object mergeKey() {
        return alternatives.get(0).rule();
    }

    @Override
    public RuleRequest merge(RuleRequest other) {
        return this;
    }

    @Override
    public Choices choices(TargetContext context) {
        return new Choices(alternatives, 0);
    }
}
