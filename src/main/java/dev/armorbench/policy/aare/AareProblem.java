package dev.armorbench.policy.aare;

/**
 * Something wrong, or worth a warning, in an AARE pattern: a range of the pattern text (char offsets,
 * end exclusive) and a message that says how to fix it.
 */
public record AareProblem(Severity severity, int start, int end, String message) {

    /** Errors make apparmor_parser reject the rule; warnings are what it prints and accepts. */
    public enum Severity {
        ERROR,
        WARNING
    }

    static AareProblem error(int start, int end, String message) {
        return new AareProblem(Severity.ERROR, start, end, message);
    }

    static AareProblem warning(int start, int end, String message) {
        return new AareProblem(Severity.WARNING, start, end, message);
    }

    @Override
    public String toString() {
        return severity.name().toLowerCase(java.util.Locale.ROOT) + " at " + start + ": " + message;
    }
}
