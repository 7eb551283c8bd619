package dev.armorbench.container;

import dev.armorbench.policy.model.FileRule;

/**
 * One exec rule of a profile and where it sends the program it starts.
 *
 * @param range the rule's text; for a rule from an include, the include statement when the profile has one, else null
 * @param written the rule as written in the open text (blanks collapsed), or null when it came from an include
 * @param targetName the profile the program lands in as the rule names it; for {@code ix} the profile itself
 * @param target the resolved profile, or null when unresolved or unconfined
 */
public record Transition(PolicyProfile from, FileRule rule, TextRange range, String written, Kind kind, String targetName,
        PolicyProfile target) {

    /** What an exec rule does with the process. */
    public enum Kind {
        /** {@code ix}: stays in the same profile. */
        INHERIT("ix"),
        /** {@code cx}: into a child profile. */
        CHILD("cx"),
        /** {@code px}: into another named profile. */
        PROFILE("px"),
        /** {@code ux}: leaves confinement. */
        UNCONFINED("ux");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The target exists (or needs none: inherit, unconfined). */
    public boolean resolved() {
        return kind == Kind.INHERIT || kind == Kind.UNCONFINED || target != null;
    }

    /** The exec mode as written in the rule, e.g. {@code Px} or {@code cix}. */
    public String modeText() {
        return rule.exec().text();
    }

    /** The rule as written, or as a tool prints it when it came from an include. */
    public String ruleText() {
        return written != null ? written : rule.canonical();
    }
}
