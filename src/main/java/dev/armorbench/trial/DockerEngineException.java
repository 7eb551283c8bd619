package dev.armorbench.trial;

/**
 * Carries an {@link EngineProblem} out of a blocking engine call. Callers show {@link #problem()}'s
 * message; the exception exists only so that a failed call cannot be mistaken for a result.
 */
public final class DockerEngineException extends Exception {
    private final transient EngineProblem problem;

    public DockerEngineException(EngineProblem problem, Throwable cause) {
        super(problem.message(), cause);
        this.problem = problem;
    }

    public DockerEngineException(EngineProblem problem) {
        this(problem, null);
    }

    public EngineProblem problem() {
        return problem;
    }
}
