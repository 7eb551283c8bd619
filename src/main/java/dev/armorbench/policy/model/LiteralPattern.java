package dev.armorbench.policy.model;

/** Coverage by text equality, plus the one glob everyone writes: {@code /**} and a bare rule. */
record LiteralPattern(String text) implements PathPattern {
    @Override
    public boolean matches(String path) {
        return text.equals(path) || text.equals("/**") && path.startsWith("/");
    }

    @Override
    public boolean includes(PathPattern other) {
        return matches(other.text());
    }
}
