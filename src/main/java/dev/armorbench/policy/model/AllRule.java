package dev.armorbench.policy.model;

/** {@code all,}: everything. */
public record AllRule(Qualifiers qualifiers) implements Rule {
    @Override
    public String canonical() {
        return qualifiers.prefix() + "all,";
    }

    @Override
    public boolean covers(Rule other) {
        return qualifiers.covers(other.qualifiers());
    }
}
