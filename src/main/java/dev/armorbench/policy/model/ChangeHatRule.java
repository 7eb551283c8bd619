package dev.armorbench.policy.model;

/** {@code ^HAT,}: permission to change into a hat declared elsewhere. */
public record ChangeHatRule(Qualifiers qualifiers, String hat) implements Rule {
    @Override
    public String canonical() {
        return qualifiers.prefix() + "^" + hat + ",";
    }

    @Override
    public boolean covers(Rule other) {
        return other instanceof ChangeHatRule that && qualifiers.covers(that.qualifiers) && hat.equals(that.hat);
    }
}
