package dev.armorbench.policy.check;

/**
 * A finding with an exact range in a source file (which may be an included file).
 *
 * @param code a stable identifier, e.g. {@code unknown-capability}
 * @param message what is wrong and how to fix it
 */
public record Diagnostic(Severity severity, String code, String message, SourceFile source, int start, int end) {
    public int line() {
        return source.line(start);
    }

    public int column() {
        return source.column(start);
    }

    public int endLine() {
        return source.line(end);
    }

    public int endColumn() {
        return source.column(end);
    }
}
