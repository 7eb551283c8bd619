package dev.armorbench.policy.aare;

/**
 * A pattern apparmor_parser would reject (or a variable that cannot be expanded). Carries the
 * {@link AareProblem} with the position and a message that names the fix.
 */
public final class AareSyntaxException extends IllegalArgumentException {

    private final transient AareProblem problem;
    private final String pattern;

    AareSyntaxException(String pattern, AareProblem problem) {
        super(problem.message() + " (at offset " + problem.start() + " of '" + pattern + "')");
        this.pattern = pattern;
        this.problem = problem;
    }

    /** Where and what: offsets are char offsets into {@link #pattern()}. */
    public AareProblem problem() {
        return problem;
    }

    /** The text that was being compiled or expanded. */
    public String pattern() {
        return pattern;
    }
}
