package dev.armorbench.container;

/**
 * Where an exec of a binary from a profile ends up.
 *
 * @param transition the exec rule that applied, or null
 * @param landsIn the profile the new program runs under, or null (unconfined, refused, unresolved)
 */
public record ExecOutcome(Result result, String binary, PolicyProfile from, Transition transition, PolicyProfile landsIn) {
    public enum Result {
        /** An exec rule applies and its target exists. */
        LANDS,
        /** {@code ux}, or a fallback to unconfined. */
        UNCONFINED,
        /** No exec rule matches: enforce mode refuses the exec (complain mode logs it under a learning label). */
        NO_EXEC_PERMISSION,
        /** A {@code deny … x} rule matches. */
        DENIED,
        /** The rule names a profile that does not exist: the exec fails. */
        UNRESOLVED
    }

    /** The label the program runs under, as a person reads it. */
    public String landsInName() {
        return switch (result) {
            case LANDS -> landsIn.fullName();
            case UNCONFINED -> "unconfined";
            case NO_EXEC_PERMISSION -> "(no exec permission in " + from.fullName() + ")";
            case DENIED -> "(exec denied by " + from.fullName() + ")";
            case UNRESOLVED -> "(unresolved: " + transition.targetName() + ")";
        };
    }
}
