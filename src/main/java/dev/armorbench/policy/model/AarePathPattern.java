package dev.armorbench.policy.model;

import dev.armorbench.policy.aare.AarePattern;

/** A pattern compiled by the AARE engine: coverage is language inclusion. */
record AarePathPattern(String text, AarePattern pattern) implements PathPattern {
    @Override
    public boolean matches(String path) {
        return pattern.matches(path);
    }

    @Override
    public boolean includes(PathPattern other) {
        if (other instanceof AarePathPattern aare) {
            return pattern.covers(aare.pattern);
        }
        return text.equals(other.text());
    }
}
