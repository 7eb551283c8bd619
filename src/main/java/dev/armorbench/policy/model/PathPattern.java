package dev.armorbench.policy.model;

/**
 * A path or label pattern as {@code covers} needs it. The AARE engine (package
 * {@code policy.aare}) will implement this; until it is merged, {@link LiteralPattern} compares
 * text, which answers correctly for literal paths and conservatively (not covered) for globs.
 */
public interface PathPattern {
    boolean matches(String path);

    /** Every string this pattern's {@code other} matches is matched by this pattern. */
    boolean includes(PathPattern other);

    String text();

    static PathPattern of(String text) {
        return new LiteralPattern(text);
    }
}
