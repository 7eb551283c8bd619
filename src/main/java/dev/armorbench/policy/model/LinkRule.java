package dev.armorbench.policy.model;

/** {@code link [subset] LINK -> TARGET,}. */
public record LinkRule(Qualifiers qualifiers, boolean subset, String link, String target) implements Rule {
    @Override
    public String canonical() {
        return qualifiers.prefix() + "link " + (subset ? "subset " : "") + link + " -> " + target + ",";
    }

    @Override
    public boolean covers(Rule other) {
        return other instanceof LinkRule that && qualifiers.covers(that.qualifiers) && (!subset || that.subset)
                && PathPattern.covers(link, that.link) && PathPattern.covers(target, that.target);
    }
}
