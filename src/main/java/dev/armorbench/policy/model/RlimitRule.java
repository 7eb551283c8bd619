package dev.armorbench.policy.model;

/** {@code set rlimit RESOURCE <= VALUE,}. */
public record RlimitRule(Qualifiers qualifiers, String resource, String value) implements Rule {
    @Override
    public String canonical() {
        return "set rlimit " + resource + " <= " + value + ",";
    }

    @Override
    public boolean covers(Rule other) {
        return other instanceof RlimitRule that && resource.equals(that.resource) && value.equals(that.value);
    }
}
